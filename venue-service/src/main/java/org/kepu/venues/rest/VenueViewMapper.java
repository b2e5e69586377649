package org.kepu.venues.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.kepu.common.divisions.ProvinceTime;
import org.kepu.common.geo.GeoPoint;
import org.kepu.venues.domain.BaseCertification;
import org.kepu.venues.domain.OpeningHours;
import org.kepu.venues.domain.Venue;
import org.kepu.venues.service.OpeningHoursDraft;
import org.mapstruct.BeanMapping;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;

/**
 * Derives the API's view of a venue from the entity. A field added to {@link Venue} fails the build here until the
 * view shows it or the list below says why it does not.
 */
@Mapper(unmappedSourcePolicy = ReportingPolicy.ERROR, imports = OpeningHoursDraft.class)
public interface VenueViewMapper {

    /** The venue as the API shows it; with {@code from} given, with its distance from that point. */
    @BeanMapping(ignoreUnmappedSourceProperties = {
            // Bookkeeping: the view shows when the venue last changed, not when it was registered.
            "createdAt",
            // Venue.isPublic(): a rule, not a field (status carries it).
            "public"})
    @Mapping(target = "category", expression = "java(venue.kind.category())")
    @Mapping(target = "status", expression = "java(venue.status())")
    @Mapping(target = "statusReason", expression = "java(venue.statusReason())")
    @Mapping(target = "openingHours", expression = "java(OpeningHoursDraft.from(venue.openingHours()))")
    @Mapping(target = "certification", expression = "java(certification(venue.certification()))")
    @Mapping(target = "distanceKm", expression = "java(distanceKm(venue, from))")
    VenueView toView(Venue venue, @Context GeoPoint from);

    /** The venue as the API shows it. */
    default VenueView toView(Venue venue) {
        return toView(venue, null);
    }

    /** A base's standing as of today; null for a venue that never applied. */
    default VenueView.Certification certification(BaseCertification certification) {
        return certification.status() == null
                ? null
                : new VenueView.Certification(certification.statusOn(LocalDate.now(OpeningHours.ZONE)),
                        certification.level(), certification.validFrom(), certification.validUntil());
    }

    /** Every time the API shows is in Asia/Shanghai. */
    default OffsetDateTime local(OffsetDateTime time) {
        return ProvinceTime.local(time);
    }

    /** In km to 0.01, for a venue with a point. */
    default Double distanceKm(Venue venue, GeoPoint from) {
        return from == null ? null : from.roundedDistanceKm(venue.latitude, venue.longitude);
    }
}
