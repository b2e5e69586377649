package org.kepu.common.geo;

import java.util.Map;

/**
 * The SQL of "near a point" over a table with {@code latitude} and {@code longitude} columns, in the form of the GiST
 * point indexes every service builds on {@code point(longitude * 0.9177, latitude)}: longitude is scaled by cos 23.4°
 * (Guangdong's middle latitude), so that plane distances between points are within about 2 % of great-circle ones
 * across the province, and the index can both bound a box and hand points out nearest first (KNN). The radius itself
 * is always checked exactly, by the haversine formula {@link GeoPoint} uses. Parameters: {@code :lat}, {@code :lon},
 * {@code :radius} and the box's {@code :minLat}, {@code :maxLat}, {@code :minLon}, {@code :maxLon}.
 */
public final class NearSql {

    /** The longitude scale of the point indexes' expression; an index must be built with exactly this text. */
    public static final String LON_SCALE = "0.9177";

    private static final double LON_SCALE_VALUE = Double.parseDouble(LON_SCALE);

    /** The searcher's point, in the indexes' form. */
    public static final String FLAT_HERE = flat(":lon", ":lat");

    private NearSql() {
    }

    /** Great-circle distance in km from (:lat, :lon) to the row's point. */
    public static String distanceKm(String alias) {
        String lat = alias + ".latitude";
        String lon = alias + ".longitude";
        return "(2 * " + GeoPoint.EARTH_RADIUS_KM + " * asin(sqrt(power(sin(radians(" + lat + " - :lat) / 2), 2)"
                + " + cos(radians(:lat)) * cos(radians(" + lat + ")) * power(sin(radians(" + lon
                + " - :lon) / 2), 2))))";
    }

    /** The row's point as the GiST index holds it. */
    public static String flatPoint(String alias) {
        return flat(alias + ".longitude", alias + ".latitude");
    }

    /** Nearest first from (:lat, :lon), in the order the GiST index hands points out. */
    public static String nearestFirst(String alias) {
        return flatPoint(alias) + " <-> " + FLAT_HERE;
    }

    /**
     * The row lies within :radius km of (:lat, :lon): the box the index answers, then the exact distance trims its
     * corners.
     */
    public static String within(String alias) {
        return alias + ".latitude IS NOT NULL AND " + alias + ".longitude IS NOT NULL AND " + flatPoint(alias)
                + " <@ box(" + flat(":minLon", ":minLat") + ", " + flat(":maxLon", ":maxLat") + ") AND "
                + distanceKm(alias) + " <= :radius";
    }

    /** The parameters of {@link #within} and {@link #distanceKm}, added to {@code params}. */
    public static void bind(GeoPoint here, double radiusKm, Map<String, Object> params) {
        double[] box = here.boundingBox(radiusKm);
        params.put("minLat", box[0]);
        params.put("maxLat", box[1]);
        params.put("minLon", box[2]);
        params.put("maxLon", box[3]);
        params.put("radius", radiusKm);
        params.put("lat", here.latitude());
        params.put("lon", here.longitude());
    }

    /**
     * How much longer or shorter a plane distance in the index's form can be than the great-circle one, for points
     * within {@code radiusKm} of {@code latitude}: both ways at once, with a margin for the earth's curvature. Across
     * Guangdong it is about 1.05; far from the scaled latitude it grows, and so does the ring of rows read.
     */
    public static double flatDistortion(double latitude, double radiusKm) {
        double reach = Math.toDegrees(radiusKm / GeoPoint.EARTH_RADIUS_KM);
        double worst = 1;
        for (double lat : new double[]{latitude - reach, latitude, latitude + reach}) {
            double cos = Math.max(Math.cos(Math.toRadians(Math.min(89.9, Math.abs(lat)))), 1e-3);
            worst = Math.max(worst, Math.max(LON_SCALE_VALUE / cos, cos / LON_SCALE_VALUE));
        }
        return Math.min(worst * worst * 1.01, 1_000);
    }

    private static String flat(String longitude, String latitude) {
        return "point(" + longitude + " * " + LON_SCALE + ", " + latitude + ")";
    }
}
