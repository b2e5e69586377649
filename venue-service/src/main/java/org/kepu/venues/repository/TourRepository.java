package org.kepu.venues.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.kepu.venues.domain.Tour;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** Finds tours. */
@ApplicationScoped
public class TourRepository implements PanacheRepositoryBase<Tour, UUID> {

    /** Tours of a unit and/or a year (null matches all), by year then name. */
    public List<Tour> matching(UUID unitId, Integer year) {
        return list("(:unit is null or unitId = :unit) and (:year is null or year = :year)",
                Sort.by("year", Sort.Direction.Descending).and("name").and("id"),
                Parameters.with("unit", unitId).and("year", year));
    }
}
