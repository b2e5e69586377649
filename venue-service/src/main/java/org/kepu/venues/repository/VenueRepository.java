package org.kepu.venues.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import org.hibernate.CacheMode;
import org.hibernate.Session;
import org.kepu.common.geo.NearSql;
import org.kepu.common.paging.Page;
import org.kepu.common.search.SqlConditions;
import org.kepu.venues.domain.BaseSearch;
import org.kepu.venues.domain.Venue;
import org.kepu.venues.domain.VenueSearch;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * Finds venues. A search picks the page's ids and counts the matches (up to the cap) from narrow columns, then reads
 * only that page's rows, as event searches do.
 */
@ApplicationScoped
public class VenueRepository implements PanacheRepositoryBase<Venue, UUID> {

    /** Public venues matching the search: nearest first with a point (ties by id), else by name. */
    public Page<Venue> search(VenueSearch search, LocalDate today, int page, int size) {
        SqlConditions filters = VenueFilters.of(search, today);
        String orderBy = search.near() != null
                ? "floor(" + NearSql.distanceKm("v") + " * 100 + 0.5), v.id"
                : "v.name_zh, v.id";
        return page("SELECT v.id FROM venue v WHERE " + filters.where() + " ORDER BY " + orderBy, filters.params(),
                "SELECT count(*) FROM (SELECT 1 FROM venue v WHERE " + filters.where() + " LIMIT "
                        + (Page.SEARCH_COUNT_LIMIT + 1) + ") m",
                Page.SEARCH_COUNT_LIMIT, page, size);
    }

    /** Education bases for the staff's review: by level, status, place and "evaluation due this year". */
    public Page<Venue> bases(BaseSearch search, LocalDate today, int page, int size) {
        SqlConditions filters = BaseFilters.of(search, today);
        return page("SELECT v.id FROM venue v WHERE " + filters.where() + " ORDER BY v.city_code, v.name_zh, v.id",
                filters.params(), "SELECT count(*) FROM (SELECT 1 FROM venue v WHERE " + filters.where() + " LIMIT "
                        + (Page.COUNT_LIMIT + 1) + ") m",
                Page.COUNT_LIMIT, page, size);
    }

    private Page<Venue> page(String idsSql, Map<String, Object> params, String countSql, int cap, int page,
            int size) {
        // No result class: Hibernate would cache a plan per distinct SQL text (see event-service's EventRepository).
        Query ids = getEntityManager().createNativeQuery(idsSql + " LIMIT :limit OFFSET :offset");
        params.forEach(ids::setParameter);
        ids.setParameter("limit", size).setParameter("offset", (long) page * size);
        List<UUID> found = ids.getResultList().stream().map(UUID.class::cast).toList();
        Query count = getEntityManager().createNativeQuery(countSql);
        params.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();
        return Page.of(load(found), total, cap, page, size);
    }

    /** The venues, in the order of their ids, read-only (the commit has nothing to check). */
    private List<Venue> load(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return getEntityManager().unwrap(Session.class).byMultipleIds(Venue.class).with(CacheMode.IGNORE)
                .enableReturnOfDeletedEntities(false).enableOrderedReturn(true).withReadOnly(true).multiLoad(ids);
    }
}
