package org.kepu.events.service;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kepu.common.privacy.Phones;
import org.kepu.events.domain.RegistrationKind;

/** What a person or a group sends to register for an event. */
@Schema(name = "RegistrationRequest", description = "One person, or a group that comes together and is never split")
public record RegistrationRequest(
        @NotNull(message = "is required") @Schema(example = "GROUP") RegistrationKind kind,
        @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1") @Max(value = 1000, message = "must be at most 1000") @Schema(example = "3", description = "How many people come; a person registers 1") Integer size,
        @NotBlank(message = "is required") @Size(max = 50, message = "must be at most 50 characters") @Schema(example = "李老师") String name,
        @NotBlank(message = "is required") @Pattern(regexp = Phones.PATTERN, message = Phones.MESSAGE) @Schema(example = "13812341234", description = "A mainland China mobile number; one live registration per number and event") String phone,
        @Email(message = "must be an e-mail address") @Size(max = 200, message = "must be at most 200 characters") String email,
        @Size(max = 100, message = "must be at most 100 characters") @Schema(example = "广州市天河区华阳小学 四年级2班", description = "For a group: the school or organization") String organization) {
}
