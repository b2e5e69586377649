package org.kepu.common.divisions;

/**
 * One of Guangdong's administrative divisions by its GB/T 2260 code.
 *
 * @param code six-digit GB/T 2260 code, e.g. {@code 440113}
 * @param name Chinese name, e.g. {@code 番禺区}
 * @param level province, prefecture-level city, or county-level division
 * @param parentCode the enclosing division's code; null for the province
 * @param economicRegion the planning region (PRD, EAST, WEST, NORTH); null for the province
 */
public record Division(String code, String name, Level level, String parentCode, EconomicRegion economicRegion) {

    /** Administrative level of a division. */
    public enum Level {
        PROVINCE, CITY, COUNTY
    }
}
