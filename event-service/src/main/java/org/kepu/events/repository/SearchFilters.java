package org.kepu.events.repository;

import java.util.LinkedHashMap;
import java.util.Map;

import org.kepu.common.divisions.DivisionCodes;

/**
 * The SQL condition of a public search's structured filters (place, time, vocabularies, organizer, distance) with its
 * parameters. Free text is kept apart because how it is best answered depends on how common the words are.
 */
final class SearchFilters {

    /** Great-circle distance in km from (:lat, :lon), the same haversine formula as GeoPoint. */
    static final String DISTANCE_KM = "(2 * 6371.0088 * asin(sqrt(power(sin(radians(e.latitude - :lat) / 2), 2)"
            + " + cos(radians(:lat)) * cos(radians(e.latitude)) * power(sin(radians(e.longitude - :lon) / 2), 2))))";

    /** Rows whose character-pair terms contain every term of :text. */
    static final String TEXT = "e.search_terms @> kepu_query_terms(:text)";

    final StringBuilder where = new StringBuilder("e.status <> 'DRAFT'");
    final Map<String, Object> params = new LinkedHashMap<>();

    private SearchFilters() {
    }

    static SearchFilters of(EventSearch search) {
        SearchFilters filters = new SearchFilters();
        filters.place(search.divisionCode());
        filters.add("e.economic_region = :region", "region",
                search.economicRegion() == null ? null : search.economicRegion().name());
        filters.period(search);
        filters.add("e.type = :type", "type", search.type() == null ? null : search.type().name());
        filters.add("e.series_id = :series", "series", search.seriesId());
        filters.add("e.audiences @> ARRAY[CAST(:audience AS text)]", "audience",
                search.audience() == null ? null : search.audience().name());
        filters.add("e.themes @> ARRAY[CAST(:theme AS text)]", "theme",
                search.theme() == null ? null : search.theme().name());
        filters.add("e.format = :format", "format", search.format() == null ? null : search.format().name());
        filters.add("e.organizer_org = :org", "org", search.organizerOrg());
        filters.near(search);
        return filters;
    }

    private void place(String code) {
        if (code == null) {
            return;
        }
        if (DivisionCodes.isProvince(code)) {
            add("e.division_code LIKE :province", "province", DivisionCodes.prefixOf(code) + "%");
        } else if (DivisionCodes.isCity(code)) {
            add("e.city_code = :city", "city", code);
        } else {
            add("e.division_code = :county", "county", code);
        }
    }

    private void period(EventSearch search) {
        if (search.from() == null && search.to() == null) {
            return;
        }
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

    private void near(EventSearch search) {
        if (search.near() == null) {
            return;
        }
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

    private void add(String condition, String name, Object value) {
        if (value != null) {
            where.append(" AND ").append(condition);
            params.put(name, value);
        }
    }
}
