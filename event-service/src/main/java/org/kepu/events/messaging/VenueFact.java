package org.kepu.events.messaging;

import java.util.UUID;

import org.kepu.events.domain.KnownVenue;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What event-service reads of a {@code kepu.venue.*} fact's data; the rest of the fact is venue-service's business. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VenueFact(UUID id, long version, String status, String divisionCode, Double latitude, Double longitude) {

    KnownVenue toKnownVenue() {
        KnownVenue venue = new KnownVenue();
        venue.id = id;
        venue.version = version;
        venue.status = status;
        venue.divisionCode = divisionCode;
        venue.latitude = latitude;
        venue.longitude = longitude;
        return venue;
    }
}
