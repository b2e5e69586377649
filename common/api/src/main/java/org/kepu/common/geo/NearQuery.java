package org.kepu.common.geo;

import java.util.List;

import org.kepu.common.problem.Problem.InvalidField;

/**
 * "Near this point, within this radius" as a search's query parameters give it ({@code lat}, {@code lon},
 * {@code radiusKm}), after the rules that span them.
 */
public record NearQuery(GeoPoint point, double radiusKm) {

    /**
     * The point and radius asked for, or null when no point is given; a coordinate without the other, or a radius
     * without a point, adds an error naming the parameter.
     */
    public static NearQuery of(Double lat, Double lon, Double radiusKm, double defaultRadiusKm,
            List<InvalidField> errors) {
        if ((lat == null) != (lon == null)) {
            errors.add(new InvalidField(lat == null ? "lat" : "lon", "is required when the other coordinate is given"));
        }
        if (radiusKm != null && lat == null) {
            errors.add(new InvalidField("radiusKm", "needs lat and lon"));
        }
        if (lat == null || lon == null) {
            return null;
        }
        return new NearQuery(new GeoPoint(lat, lon), radiusKm == null ? defaultRadiusKm : radiusKm);
    }
}
