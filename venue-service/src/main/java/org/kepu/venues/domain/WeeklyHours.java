package org.kepu.venues.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One weekly opening range as stored: ISO day of week (1 = Monday) and minutes since local midnight. */
@Embeddable
public record WeeklyHours(@Column(name = "day_of_week") short dayOfWeek, short opens, short closes) {
}
