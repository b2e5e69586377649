package org.kepu.venues.domain;

import org.kepu.common.divisions.EconomicRegion;

/**
 * The filters of the education-base list; null fields do not filter.
 *
 * @param status as of today: LAPSED finds certificates past their validity, CERTIFIED only valid ones
 * @param evaluationDue certified today and not yet evaluated for this year
 */
public record BaseSearch(CertificationLevel level, CertificationStatus status, String divisionCode,
        EconomicRegion economicRegion, Integer evaluationDue) {
}
