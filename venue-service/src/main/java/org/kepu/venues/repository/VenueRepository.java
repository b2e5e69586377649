package org.kepu.venues.repository;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.kepu.common.divisions.DivisionCodes;
import org.kepu.common.paging.Page;
import org.kepu.venues.domain.Venue;
import org.kepu.venues.domain.VenueKind;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** Finds venues. */
@ApplicationScoped
public class VenueRepository implements PanacheRepositoryBase<Venue, UUID> {

    /** Venues within a division (any level) and of a kind; null filters match all. */
    public Page<Venue> findMatching(String divisionCode, VenueKind kind, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (divisionCode != null) {
            where.append(" AND divisionCode LIKE :division");
            params.put("division", DivisionCodes.prefixOf(divisionCode) + "%");
        }
        if (kind != null) {
            where.append(" AND kind = :kind");
            params.put("kind", kind);
        }
        PanacheQuery<Venue> query = find(where.toString(), Sort.by("nameZh").and("id"), params);
        return Page.of(query.page(page, size).list(), query.count(), page, size);
    }
}
