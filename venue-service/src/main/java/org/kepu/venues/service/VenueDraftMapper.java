package org.kepu.venues.service;

import java.util.List;

import org.kepu.venues.domain.Venue;
import org.mapstruct.BeanMapping;
import org.mapstruct.CollectionMappingStrategy;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;
import org.mapstruct.Named;
import org.mapstruct.ReportingPolicy;

/**
 * Copies a {@link VenueDraft} onto a {@link Venue}: the plain fields only; what has a rule (where the venue is, its
 * point) the entity's own methods set. A field added to the draft or the entity fails the build here until it is
 * copied or the lists below say why it is not. Lists are replaced whole, as a draft replaces a venue's details.
 */
@Mapper(unmappedSourcePolicy = ReportingPolicy.ERROR, collectionMappingStrategy = CollectionMappingStrategy.TARGET_IMMUTABLE)
public interface VenueDraftMapper {

    @BeanMapping(ignoreUnmappedSourceProperties = {
            // Rules of the entity: placeIn (PlacedEntity) derives the city and region, Venue.locate checks the point.
            "divisionCode", "latitude", "longitude"})
    // Identity and bookkeeping belong to the entity.
    @Mapping(target = "id", ignore = true)
    @Mapping(target = "createdAt", ignore = true)
    @Mapping(target = "updatedAt", ignore = true)
    @Mapping(target = "version", ignore = true)
    // Set by placeIn (PlacedEntity) and Venue.locate.
    @Mapping(target = "divisionCode", ignore = true)
    @Mapping(target = "cityCode", ignore = true)
    @Mapping(target = "economicRegion", ignore = true)
    @Mapping(target = "latitude", ignore = true)
    @Mapping(target = "longitude", ignore = true)
    @Mapping(target = "tourLanguages", qualifiedByName = "distinct")
    @Mapping(target = "photos", qualifiedByName = "inOrder")
    void apply(VenueDraft draft, @MappingTarget Venue venue);

    /** Vocabulary values by name, each once; a list not sent is an empty one. */
    default <E extends Enum<E>> List<String> names(List<E> values) {
        return values == null ? List.of() : values.stream().distinct().map(Enum::name).toList();
    }

    /** Each value once; a list not sent is an empty one. */
    @Named("distinct")
    default List<String> distinct(List<String> values) {
        return values == null ? List.of() : values.stream().distinct().toList();
    }

    /** As sent, repeats and all; a list not sent is an empty one. */
    @Named("inOrder")
    default List<String> inOrder(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
