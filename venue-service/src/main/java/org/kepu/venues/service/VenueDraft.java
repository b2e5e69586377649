package org.kepu.venues.service;

import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kepu.common.divisions.GuangdongDivision;
import org.kepu.common.vocabulary.Audience;
import org.kepu.common.vocabulary.Theme;
import org.kepu.venues.domain.Accessibility;
import org.kepu.venues.domain.Facility;
import org.kepu.venues.domain.VenueKind;

/** What an admin sends to register a venue, and what an admin or the venue's manager sends to replace its details. */
@Schema(name = "VenueDraft", description = "A venue's details; coordinates are required except for virtual museums and mobile units")
public record VenueDraft(
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") @Schema(example = "广东科学中心") String nameZh,
        @Size(max = 200, message = "must be at most 200 characters") @Schema(example = "Guangdong Science Center") String nameEn,
        @Size(max = 5000, message = "must be at most 5000 characters") @Schema(example = "华南地区规模最大的综合性科技馆，设有儿童天地、数字乐园、交通世界等展馆。") String descriptionZh,
        @Size(max = 5000, message = "must be at most 5000 characters") @Schema(example = "The largest science museum in South China.") String descriptionEn,
        @NotNull(message = "is required") @Schema(example = "SCIENCE_MUSEUM") VenueKind kind,
        @NotNull(message = "is required") @GuangdongDivision @Schema(example = "440113") String divisionCode,
        @Size(max = 300, message = "must be at most 300 characters") @Schema(example = "广州市番禺区西环路168号") String address,
        @DecimalMin(value = "-90", message = "must be between -90 and 90") @DecimalMax(value = "90", message = "must be between -90 and 90") @Schema(example = "23.0418") Double latitude,
        @DecimalMin(value = "-180", message = "must be between -180 and 180") @DecimalMax(value = "180", message = "must be between -180 and 180") @Schema(example = "113.3691") Double longitude,
        @Size(max = 10, message = "must list at most 10 themes") @Schema(example = "[\"SPACE\", \"AI\"]") List<@NotNull(message = "must not be null") Theme> themes,
        @Size(max = 8, message = "must list at most 8 audiences") @Schema(example = "[\"YOUTH\", \"PUBLIC\"]") List<@NotNull(message = "must not be null") Audience> audiences,
        @Min(value = 1, message = "must be at least 1") @Max(value = 1_000_000, message = "must be at most 1000000") @Schema(description = "Visitors it holds at once", example = "8000") Integer capacity,
        @Size(max = 20, message = "must list at most 20 facilities") @Schema(example = "[\"EXHIBITION_HALL\", \"DOME_THEATRE\"]") List<@NotNull(message = "must not be null") Facility> facilities,
        @Size(max = 20, message = "must list at most 20 features") @Schema(example = "[\"WHEELCHAIR_ACCESS\", \"PARKING\", \"GUIDED_TOURS\"]") List<@NotNull(message = "must not be null") Accessibility> accessibility,
        @Size(max = 10, message = "must list at most 10 languages") @Schema(description = "Languages of guided tours, as language tags", example = "[\"zh\", \"yue\", \"en\"]") List<@NotNull(message = "must not be null") @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "must be a language tag such as zh, yue or en") String> tourLanguages,
        @Size(max = 40, message = "must be at most 40 characters") @Pattern(regexp = "[0-9+()\\- ]{5,40}", message = "must be a telephone number") @Schema(description = "The venue's public line", example = "020-39348080") String contactPhone,
        @Size(max = 200, message = "must be at most 200 characters") @Email(message = "must be an e-mail address") @Schema(example = "service@gdsc.cn") String contactEmail,
        @Size(max = 500, message = "must be at most 500 characters") @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") @Schema(example = "https://www.gdsc.cn") String website,
        @Size(max = 12, message = "must list at most 12 photos") @Schema(example = "[\"https://img.example.cn/gdsc/hall.jpg\"]") List<@NotNull(message = "must not be null") @Size(max = 500, message = "must be at most 500 characters") @Pattern(regexp = "https://\\S+", message = "must be an https URL") String> photos) {
}
