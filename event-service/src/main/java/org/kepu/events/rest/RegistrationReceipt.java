package org.kepu.events.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to registering: the registration, and the secret that manages it, shown this once. */
@Schema(name = "RegistrationReceipt")
public record RegistrationReceipt(RegistrationView registration,
        @Schema(description = "Send it as the Registration-Token header to read, resize or cancel this registration without an account; keep it secret", example = "q9V1cV8Zb2vXw0m3l8J9u2kQ4n6p1s7t5y3r0e2w4a6") String manageToken) {
}
