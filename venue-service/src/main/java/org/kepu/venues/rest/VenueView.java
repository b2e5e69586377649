package org.kepu.venues.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kepu.venues.domain.CertificationLevel;
import org.kepu.venues.domain.CertificationStatus;
import org.kepu.venues.domain.VenueCategory;
import org.kepu.venues.domain.VenueKind;
import org.kepu.venues.domain.VenueStatus;
import org.kepu.venues.service.OpeningHoursDraft;

/**
 * A venue as the API shows it; times in Asia/Shanghai. Never lists its managers (see the managers resource). Made by
 * {@link VenueViewMapper}.
 */
@Schema(name = "Venue")
public record VenueView(UUID id, String nameZh, String nameEn, String descriptionZh, String descriptionEn,
        VenueKind kind, VenueCategory category, VenueStatus status,
        @Schema(description = "Why it is closed, while it is") String statusReason, String divisionCode,
        String cityCode, String economicRegion, String address, Double latitude, Double longitude,
        List<String> themes, List<String> audiences, Integer capacity, List<String> facilities,
        List<String> accessibility, List<String> tourLanguages, String contactPhone, String contactEmail,
        String website, List<String> photos, OpeningHoursDraft openingHours,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Only for venues with a certification history") Certification certification,
        OffsetDateTime updatedAt, long version,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Only in searches near a point") Double distanceKm) {

    /** A base's standing as of today; the history is its own resource. */
    @Schema(name = "VenueCertification")
    public record Certification(
            @Schema(description = "As of today: a certificate before its validity reads NOT_YET_VALID, after it LAPSED") CertificationStatus status,
            CertificationLevel level, @Schema(description = "The first day it holds") LocalDate validFrom,
            @Schema(description = "The last day it holds") LocalDate validUntil) {
    }
}
