package org.kepu.venues.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import org.kepu.common.divisions.DivisionSql;
import org.kepu.common.divisions.EconomicRegion;
import org.kepu.common.paging.Page;
import org.kepu.common.search.SqlConditions;
import org.kepu.venues.domain.TourStop;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** Finds tour stops. */
@ApplicationScoped
public class TourStopRepository implements PanacheRepositoryBase<TourStop, UUID> {

    /** A tour's stops in date order. */
    public List<TourStop> ofTour(UUID tourId) {
        return list("tourId", Sort.by("startsOn").and("id"), tourId);
    }

    /** The stops of several tours in one query, each tour's in date order. */
    public Map<UUID, List<TourStop>> ofTours(List<UUID> tourIds) {
        if (tourIds.isEmpty()) {
            return Map.of();
        }
        return list("tourId in ?1", Sort.by("startsOn").and("id"), tourIds).stream()
                .collect(Collectors.groupingBy(stop -> stop.tourId));
    }

    /** Every stop of a unit on any of its tours, but {@code except} (null for none). */
    public List<TourStop> ofUnit(UUID unitId, UUID except) {
        return except == null ? list("unitId", unitId) : list("unitId = ?1 and id <> ?2", unitId, except);
    }

    /** Stops by region, division (any level) and period (stops overlapping it), in date order; null matches all. */
    public Page<TourStop> search(EconomicRegion region, String divisionCode, LocalDate from, LocalDate to, int page,
            int size) {
        SqlConditions filters = new SqlConditions("true");
        filters.and("s.economic_region = :region", "region", region == null ? null : region.name());
        if (divisionCode != null) {
            filters.and(DivisionSql.within("s", divisionCode, filters.liveParams()));
        }
        filters.and("s.ends_on >= :from", "from", from);
        filters.and("s.starts_on <= :to", "to", to);
        Query ids = getEntityManager().createNativeQuery("SELECT s.id FROM tour_stop s WHERE " + filters.where()
                + " ORDER BY s.starts_on, s.id LIMIT :limit OFFSET :offset");
        filters.params().forEach(ids::setParameter);
        ids.setParameter("limit", size).setParameter("offset", (long) page * size);
        List<UUID> found = ids.getResultList().stream().map(UUID.class::cast).toList();
        Query count = getEntityManager().createNativeQuery("SELECT count(*) FROM (SELECT 1 FROM tour_stop s WHERE "
                + filters.where() + " LIMIT " + (Page.COUNT_LIMIT + 1) + ") m");
        filters.params().forEach(count::setParameter);
        Map<UUID, TourStop> byId = found.isEmpty()
                ? Map.of()
                : list("id in ?1", found).stream().collect(Collectors.toMap(stop -> stop.id, Function.identity()));
        return Page.of(found.stream().map(byId::get).toList(), ((Number) count.getSingleResult()).longValue(), page,
                size);
    }
}
