package org.kepu.events.repository;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import org.kepu.common.divisions.DivisionCodes;
import org.kepu.common.paging.Page;
import org.kepu.events.domain.Event;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Finds events; every public query leaves drafts out. */
@ApplicationScoped
public class EventRepository implements PanacheRepositoryBase<Event, UUID> {

    /** Great-circle distance in km from (:lat, :lon), the same haversine formula as GeoPoint. */
    private static final String DISTANCE_KM = "(2 * 6371.0088 * asin(sqrt(power(sin(radians(e.latitude - :lat) / 2), 2)"
            + " + cos(radians(:lat)) * cos(radians(e.latitude)) * power(sin(radians(e.longitude - :lon) / 2), 2))))";

    /** Public events matching the search, in the order it asks for, one page of them and the total. */
    public Page<Event> search(EventSearch search, int page, int size) {
        StringBuilder where = new StringBuilder("e.status <> 'DRAFT'");
        Map<String, Object> params = new LinkedHashMap<>();
        if (search.divisionCode() != null) {
            String code = search.divisionCode();
            if (DivisionCodes.isProvince(code)) {
                where.append(" AND e.division_code LIKE :province");
                params.put("province", DivisionCodes.prefixOf(code) + "%");
            } else if (DivisionCodes.isCity(code)) {
                where.append(" AND e.city_code = :city");
                params.put("city", code);
            } else {
                where.append(" AND e.division_code = :county");
                params.put("county", code);
            }
        }
        filter(where, params, "e.economic_region = :region", "region",
                search.economicRegion() == null ? null : search.economicRegion().name());
        if (search.from() != null || search.to() != null) {
            // Overlap with the window, in the form the GiST period indexes answer.
            where.append(" AND tstzrange(e.starts_at, e.ends_at, '[]') && tstzrange(")
                    .append(search.from() == null ? "NULL" : "CAST(:from AS timestamptz)").append(", ")
                    .append(search.to() == null ? "NULL" : "CAST(:to AS timestamptz)").append(", '[]')");
            if (search.from() != null) {
                params.put("from", search.from());
            }
            if (search.to() != null) {
                params.put("to", search.to());
            }
        }
        filter(where, params, "e.type = :type", "type", search.type() == null ? null : search.type().name());
        filter(where, params, "e.series_id = :series", "series", search.seriesId());
        filter(where, params, "e.audiences @> ARRAY[CAST(:audience AS text)]", "audience",
                search.audience() == null ? null : search.audience().name());
        filter(where, params, "e.themes @> ARRAY[CAST(:theme AS text)]", "theme",
                search.theme() == null ? null : search.theme().name());
        filter(where, params, "e.format = :format", "format", search.format() == null ? null : search.format().name());
        filter(where, params, "e.organizer_org = :org", "org", search.organizerOrg());
        if (search.text() != null) {
            // The terms index narrows the rows; Chinese pairs are what make 科普 find 第七届广东科普嘉年华.
            where.append(" AND e.search_terms @> kepu_query_terms(:text)");
            params.put("text", search.text());
        }
        boolean near = search.near() != null;
        if (near) {
            double[] box = search.near().boundingBox(search.radiusKm());
            where.append(" AND e.latitude BETWEEN :minLat AND :maxLat AND e.longitude BETWEEN :minLon AND :maxLon AND ")
                    .append(DISTANCE_KM).append(" <= :radius");
            params.put("minLat", box[0]);
            params.put("maxLat", box[1]);
            params.put("minLon", box[2]);
            params.put("maxLon", box[3]);
            params.put("radius", search.radiusKm());
            params.put("lat", search.near().latitude());
            params.put("lon", search.near().longitude());
        }
        String orderBy = switch (search.effectiveOrder()) {
            case START_TIME -> "e.starts_at, e.id";
            case RELEVANCE -> search.text() == null
                    ? "e.starts_at, e.id"
                    : "CASE WHEN strpos(lower(e.title_zh || ' ' || coalesce(e.title_en, '')), lower(:needle)) > 0"
                            + " THEN 0 ELSE 1 END, e.starts_at, e.id";
            case DISTANCE -> near ? DISTANCE_KM + ", e.id" : "e.starts_at, e.id";
        };
        Map<String, Object> pageParams = new LinkedHashMap<>(params);
        if (orderBy.contains(":needle")) {
            pageParams.put("needle", search.text().trim());
        }

        Query select = getEntityManager().createNativeQuery(
                "SELECT e.* FROM event e WHERE " + where + " ORDER BY " + orderBy + " LIMIT :limit OFFSET :offset",
                Event.class);
        pageParams.forEach(select::setParameter);
        select.setParameter("limit", size).setParameter("offset", (long) page * size);
        @SuppressWarnings("unchecked")
        List<Event> items = select.getResultList();

        Query count = getEntityManager().createNativeQuery(
                "SELECT count(*) FROM (SELECT 1 FROM event e WHERE " + where + " LIMIT " + (Page.COUNT_LIMIT + 1) + ") m");
        params.forEach(count::setParameter);
        return Page.of(items, ((Number) count.getSingleResult()).longValue(), page, size);
    }

    private static void filter(StringBuilder where, Map<String, Object> params, String condition, String name,
            Object value) {
        if (value != null) {
            where.append(" AND ").append(condition);
            params.put(name, value);
        }
    }
}
