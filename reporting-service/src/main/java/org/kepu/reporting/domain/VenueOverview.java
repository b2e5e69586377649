package org.kepu.reporting.domain;

import java.time.OffsetDateTime;
import java.util.List;

import org.kepu.reporting.domain.EventOverview.Count;

/**
 * The places of a scope as dashboards show them: venues (not closed for good) by kind, education bases by level
 * (certified today) and by status (LAPSED when a certificate's validity has passed), and the year's touring stops and
 * visitors by region.
 *
 * @param freshAsOf when the newest venue or tour fact behind these figures was applied; null when none has been
 */
public record VenueOverview(int year, String scope, List<Count> venuesByKind, List<Count> basesByLevel,
        List<Count> basesByStatus, List<Count> stopsByRegion, List<Count> stopVisitorsByRegion,
        OffsetDateTime freshAsOf) {
}
