package org.kepu.venues.messaging;

import org.kepu.venues.domain.BaseCertification;
import org.kepu.venues.domain.CertificationMove;
import org.kepu.venues.domain.Venue;
import org.mapstruct.BeanMapping;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;

/**
 * Derives the payload of venue facts from the entity. A field added to {@link Venue} fails the build here until the
 * fact carries it or the list below says why it does not.
 */
@Mapper(unmappedSourcePolicy = ReportingPolicy.ERROR)
public interface VenueFactMapper {

    /** The venue after the change; with {@code move} given, the certification move that changed it. */
    @BeanMapping(ignoreUnmappedSourceProperties = {
            // Facts carry what consumers count and filter by; what visitors read stays with the API.
            "descriptionZh", "descriptionEn", "address", "facilities", "accessibility", "tourLanguages",
            "contactPhone", "contactEmail", "website", "photos",
            // Bookkeeping: the version orders a venue's facts.
            "createdAt", "updatedAt",
            // Venue.isPublic(): a rule, not a field (status carries it).
            "public"})
    @Mapping(target = "category", expression = "java(venue.kind.category())")
    @Mapping(target = "status", expression = "java(venue.status())")
    @Mapping(target = "certification", expression = "java(certification(venue.certification()))")
    @Mapping(target = "move", expression = "java(move == null ? null : toMove(move))")
    VenueFact toFact(Venue venue, @Context CertificationMove move);

    /** One certification move as reports count it. */
    @BeanMapping(ignoreUnmappedSourceProperties = {
            // The standing the move led to is the fact's certification; the move's keys are the venue and seq.
            "id", "venueId", "status", "level", "validFrom", "validUntil",
            // Who moved it and why stay in the history, which is for admins, analysts and the venue's managers.
            "notes", "movedAt", "movedBy"})
    @Mapping(target = "type", source = "move")
    VenueFact.Move toMove(CertificationMove move);

    /** The certification as stored (a consumer judges its validity by its own today); null if never applied for. */
    default VenueFact.Certification certification(BaseCertification certification) {
        return certification.status() == null
                ? null
                : new VenueFact.Certification(certification.status(), certification.level(),
                        certification.validFrom(), certification.validUntil(), certification.lastEvaluatedYear());
    }
}
