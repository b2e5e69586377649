package org.kepu.venues.messaging;

import java.util.UUID;

import org.kepu.venues.domain.VenueKind;

/**
 * The payload of every {@code kepu.venue.*} fact: the venue after the change, plus its city and economic region so
 * that consumers need no lookup. Changes are additive; a breaking change is a new fact type.
 */
public record VenueFact(UUID id, long version, String nameZh, String nameEn, VenueKind kind, String divisionCode,
        String cityCode, String economicRegion, Double latitude, Double longitude) {
}
