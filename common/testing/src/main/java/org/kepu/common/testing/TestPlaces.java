package org.kepu.common.testing;

import java.util.Map;

/** Where the services' test data stands, written once: the request fields that place a venue or an event. */
public final class TestPlaces {

    private TestPlaces() {
    }

    /** 广东科学中心 in 广州市番禺区: its division, address and point, as a request body's fields. */
    public static Map<String, Object> scienceCentre() {
        return Map.of("divisionCode", "440113", "address", "广州市番禺区西环路168号", "latitude", 23.0418, "longitude",
                113.3691);
    }
}
