package org.kepu.venues.domain;

import java.time.OffsetDateTime;

import org.kepu.common.divisions.EconomicRegion;
import org.kepu.common.geo.GeoPoint;
import org.kepu.common.vocabulary.Audience;
import org.kepu.common.vocabulary.Theme;

/**
 * The filters of a public venue search; null fields do not filter. Closed venues are never found.
 *
 * @param divisionCode a province, city or county code
 * @param level certified today at this level
 * @param openAt open at this instant (active, and within its hours that day)
 * @param near with {@code radiusKm}: venues within that distance of the point, nearest first
 * @param text free text in Chinese or English, in names, descriptions and addresses
 */
public record VenueSearch(String divisionCode, EconomicRegion economicRegion, VenueCategory category, VenueKind kind,
        CertificationLevel level, Theme theme, Audience audience, Accessibility accessibility, Facility facility,
        OffsetDateTime openAt, GeoPoint near, Double radiusKm, String text) {
}
