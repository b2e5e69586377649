package org.kepu.venues.domain;

import org.kepu.common.divisions.EconomicRegion;

/**
 * The filters of the education-base list; null fields do not filter.
 *
 * @param status as of today: CERTIFIED finds only certificates in force, NOT_YET_VALID those whose validity has not
 *        begun, LAPSED those past it
 * @param evaluationDue certified today, valid on a day of this year and not yet evaluated for it
 */
public record BaseSearch(CertificationLevel level, CertificationStatus status, String divisionCode,
        EconomicRegion economicRegion, Integer evaluationDue) {
}
