package org.kepu.venues.domain;

import java.time.LocalDate;

import jakarta.persistence.Embeddable;

/** One row of a dated exception as stored: a range of that day, or none (opens and closes null) when it is closed. */
@Embeddable
public record DatedHours(LocalDate day, Short opens, Short closes, String note) {
}
