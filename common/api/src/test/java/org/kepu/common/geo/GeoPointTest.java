package org.kepu.common.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GeoPointTest {

    private static final GeoPoint SCIENCE_CENTRE = new GeoPoint(23.0418, 113.3691);

    @Test
    void distancesAreGreatCircleKilometres() {
        // 广东科学中心 to 深圳科技馆: about 92 km as the crow flies
        assertEquals(92, SCIENCE_CENTRE.distanceKm(22.5440, 114.0890), 3);
        assertEquals(0, SCIENCE_CENTRE.distanceKm(23.0418, 113.3691), 1e-9);
    }

    @Test
    void theDistanceShownIsRoundedToTenMetresAndNoneForAPlaceWithoutAPoint() {
        double exact = SCIENCE_CENTRE.distanceKm(22.5440, 114.0890);
        Double shown = SCIENCE_CENTRE.roundedDistanceKm(22.5440, 114.0890);
        assertEquals(Math.round(exact * 100) / 100.0, shown);
        assertEquals(exact, shown, 0.005);
        assertEquals(0.0, SCIENCE_CENTRE.roundedDistanceKm(23.0418, 113.3691));
        assertNull(SCIENCE_CENTRE.roundedDistanceKm(null, null));
        assertNull(SCIENCE_CENTRE.roundedDistanceKm(null, 113.3691));
    }

    @Test
    void theBoundingBoxHoldsTheWholeCircle() {
        double[] box = SCIENCE_CENTRE.boundingBox(10);
        for (double bearing = 0; bearing < 360; bearing += 15) {
            double lat = SCIENCE_CENTRE.latitude() + 9.99 / 111.2 * Math.cos(Math.toRadians(bearing));
            double lon = SCIENCE_CENTRE.longitude()
                    + 9.99 / (111.2 * Math.cos(Math.toRadians(lat))) * Math.sin(Math.toRadians(bearing));
            if (SCIENCE_CENTRE.distanceKm(lat, lon) <= 10) {
                assertTrue(lat >= box[0] && lat <= box[1] && lon >= box[2] && lon <= box[3], "bearing " + bearing);
            }
        }
    }

    @Test
    void theFlatIndexDistortsLittleAcrossGuangdong() {
        assertTrue(NearSql.flatDistortion(23.4, 20) < 1.05);
        assertTrue(NearSql.flatDistortion(20.5, 20) < 1.10);
    }
}
