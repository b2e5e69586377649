package org.kepu.venues.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kepu.venues.domain.Venue;
import org.kepu.venues.domain.VenueKind;

/** A venue as the API shows it. */
@Schema(name = "Venue")
public record VenueView(UUID id, String nameZh, String nameEn, VenueKind kind, String divisionCode, String address,
        Double latitude, Double longitude, long version) {

    static VenueView from(Venue venue) {
        return new VenueView(venue.id, venue.nameZh, venue.nameEn, venue.kind, venue.divisionCode, venue.address,
                venue.latitude, venue.longitude, venue.version);
    }
}
