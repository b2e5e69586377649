package org.kepu.events.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kepu.events.domain.RegistrationKind;
import org.kepu.events.domain.RegistrationStatus;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One registration as its attendee, the event's organizer and admins see it. In lists the phone is masked and the
 * e-mail left out ({@link RegistrationViewMapper#inList}); the whole contact is shown only on the one registration's page.
 */
@Schema(name = "Registration")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegistrationView(UUID id, UUID eventId, RegistrationKind kind, int size, RegistrationStatus status,
        @Schema(description = "Place in the wait list, 1 first; only while wait-listed") Integer waitListPosition,
        Contact contact,
        @Schema(description = "Shown at the door; printable, without look-alike characters", example = "7KQ2MXPA") String checkInCode,
        OffsetDateTime checkedInAt, String cancelReason, OffsetDateTime createdAt, OffsetDateTime updatedAt,
        long version) {

    /** Who registered; personal information. */
    @Schema(name = "RegistrationContact")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Contact(String name,
            @Schema(example = "13812341234", description = "Masked in lists: 138****1234") String phone,
            String email, String organization) {
    }
}
