package org.kepu.reporting.domain;

/**
 * One city's figure in a breakdown.
 *
 * @param cityCode GB/T 2260 code of the prefecture-level city
 * @param cityName its Chinese name
 * @param economicRegion PRD, EAST, WEST or NORTH
 * @param count the figure itself
 */
public record CityCount(String cityCode, String cityName, String economicRegion, long count) {
}
