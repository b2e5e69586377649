package org.kepu.venues.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** venue-service's own tunables ({@code kepu.venues.*}, e.g. {@code KEPU_VENUES_DEFAULT_RADIUS_KM}). */
@ConfigMapping(prefix = "kepu.venues")
public interface VenuesConfig {

    /** The "near me" radius when a search gives a point but no radius, in km. */
    @WithDefault("10")
    double defaultRadiusKm();
}
