package org.kepu.common.geo;

/**
 * A point on the earth in WGS-84 degrees.
 *
 * @param latitude degrees north, -90 to 90
 * @param longitude degrees east, -180 to 180
 */
public record GeoPoint(double latitude, double longitude) {

    /** Mean earth radius, the usual choice for the haversine formula. */
    public static final double EARTH_RADIUS_KM = 6371.0088;

    /** Great-circle distance by the haversine formula; accurate to well under 1 % at city scale. */
    public double distanceKm(double otherLatitude, double otherLongitude) {
        double dLat = Math.toRadians(otherLatitude - latitude);
        double dLon = Math.toRadians(otherLongitude - longitude);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(latitude)) * Math.cos(Math.toRadians(otherLatitude))
                        * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a));
    }

    /**
     * The distance the API shows, in km to 0.01, to a place that may have no point: null when {@code otherLatitude}
     * is null.
     */
    public Double roundedDistanceKm(Double otherLatitude, Double otherLongitude) {
        return otherLatitude == null ? null : Math.round(distanceKm(otherLatitude, otherLongitude) * 100) / 100.0;
    }

    /** Half the side of the latitude/longitude box that holds every point within {@code radiusKm}, in degrees. */
    public double[] boundingBox(double radiusKm) {
        double dLat = Math.toDegrees(radiusKm / EARTH_RADIUS_KM);
        double dLon = Math.toDegrees(radiusKm / (EARTH_RADIUS_KM * Math.cos(Math.toRadians(latitude))));
        return new double[]{latitude - dLat, latitude + dLat, longitude - dLon, longitude + dLon};
    }
}
