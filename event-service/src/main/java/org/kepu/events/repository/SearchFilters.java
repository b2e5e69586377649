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

    /**
     * Longitude is scaled by cos 23.4° (Guangdong's middle latitude) so that plane distances between points are within
     * about 2 % of great-circle ones across the province; the GiST index of V5 holds points in this form.
     */
    private static final String LON_SCALE = "0.9177";

    private static final double LON_SCALE_VALUE = Double.parseDouble(LON_SCALE);

    /** The event's point as the GiST index holds it. */
    static final String FLAT_POINT = flat("e.longitude", "e.latitude");

    /** The searcher's point, in the same form. */
    static final String FLAT_HERE = flat(":lon", ":lat");

    /** Nearest first from (:lat, :lon), in the order the GiST index hands points out (KNN), so a page stops early. */
    static final String NEAREST_FIRST = FLAT_POINT + " <-> " + FLAT_HERE;

    /**
     * The order a near-me list is shown in: the distance as the API shows it (km rounded half up to 0.01, as
     * {@code EventView} rounds), so that the list is in ascending {@code distanceKm} and equal ones are ordered by id.
     */
    static final String SHOWN_DISTANCE = "floor(" + DISTANCE_KM + " * 100 + 0.5)";

    /** Rows whose character-pair terms contain every term of :text. */
    static final String TEXT = "e.search_terms @> kepu_query_terms(:text)";

    private final StringBuilder where = new StringBuilder("e.status <> 'DRAFT'");
    private final Map<String, Object> params = new LinkedHashMap<>();

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
        // The box in the form of the GiST point index (V5); the exact distance then trims its corners.
        where.append(" AND e.latitude IS NOT NULL AND e.longitude IS NOT NULL AND ").append(FLAT_POINT)
                .append(" <@ box(").append(flat(":minLon", ":minLat")).append(", ").append(flat(":maxLon", ":maxLat"))
                .append(") AND ")
                .append(DISTANCE_KM).append(" <= :radius");
        params.put("minLat", box[0]);
        params.put("maxLat", box[1]);
        params.put("minLon", box[2]);
        params.put("maxLon", box[3]);
        params.put("radius", search.radiusKm());
        params.put("lat", search.near().latitude());
        params.put("lon", search.near().longitude());
    }

    /**
     * How much longer or shorter a plane distance in the index's form can be than the great-circle one, for points
     * within {@code radiusKm} of {@code latitude}: both ways at once, with a margin for the earth's curvature. Across
     * Guangdong it is about 1.05; far from the scaled latitude it grows, and so does the ring of rows read.
     */
    static double flatDistortion(double latitude, double radiusKm) {
        double reach = Math.toDegrees(radiusKm / 6371.0088);
        double worst = 1;
        for (double lat : new double[]{latitude - reach, latitude, latitude + reach}) {
            double cos = Math.max(Math.cos(Math.toRadians(Math.min(89.9, Math.abs(lat)))), 1e-3);
            worst = Math.max(worst, Math.max(LON_SCALE_VALUE / cos, cos / LON_SCALE_VALUE));
        }
        return Math.min(worst * worst * 1.01, 1_000);
    }

    /** The condition, for a WHERE clause over {@code event e}. */
    String where() {
        return where.toString();
    }

    /** The condition's parameters, a copy to add the query's own to. */
    Map<String, Object> params() {
        return new LinkedHashMap<>(params);
    }

    private static String flat(String longitude, String latitude) {
        return "point(" + longitude + " * " + LON_SCALE + ", " + latitude + ")";
    }

    private void add(String condition, String name, Object value) {
        if (value != null) {
            where.append(" AND ").append(condition);
            params.put(name, value);
        }
    }
}
