package org.kepu.reporting.domain;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What the reports keep of a registration, bound from a {@code kepu.registration.*} fact: its size, status and
 * check-in, never who registered (facts carry no contact).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegistrationSummary(UUID registrationId, UUID eventId, long version, int size, String status,
        boolean checkedIn) {
}
