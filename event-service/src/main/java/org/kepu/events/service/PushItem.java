package org.kepu.events.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One event as a partner pushes it: its id in the partner's system, the state it should be in, and its details
 * (not needed to withdraw it).
 */
@Schema(name = "PartnerEventItem")
public record PushItem(
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") @Pattern(regexp = "[\\p{Alnum}._:/-]+", message = "must be letters, digits and . _ : / - only") @Schema(example = "gz-kjj-2024-0518") String externalId,
        @NotNull(message = "is required") @Schema(description = "PUBLISHED (public at once), DRAFT (kept private), or CANCELLED (withdraw it, with a reason)", example = "PUBLISHED") State state,
        @Size(max = 500, message = "must be at most 500 characters") @Schema(description = "Why it is withdrawn; required with CANCELLED", example = "因台风取消") String cancelReason,
        @Valid @Schema(description = "The event's details; required unless withdrawing") EventDraft event) {

    /** The state the partner wants the event in. */
    public enum State {
        PUBLISHED, DRAFT, CANCELLED
    }
}
