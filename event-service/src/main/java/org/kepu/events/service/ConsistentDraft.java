package org.kepu.events.service;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Duration;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Rules of an event draft that span fields, reported on the field a person would fix, in the same problem as the
 * single-field rules.
 */
@Documented
@Constraint(validatedBy = ConsistentDraft.Validator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface ConsistentDraft {

    String message() default "is inconsistent";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The longest an event may last; longer "events" are programmes, better modelled as a series. */
    Duration LONGEST_EVENT = Duration.ofDays(366);

    /** Checks the schedule, the registration window, the stream link, the place and that coordinates come in pairs. */
    class Validator implements ConstraintValidator<ConsistentDraft, EventDraft> {

        @Override
        public boolean isValid(EventDraft draft, ConstraintValidatorContext context) {
            if (draft == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            if (draft.startsAt() != null && draft.endsAt() != null) {
                if (draft.endsAt().isBefore(draft.startsAt())) {
                    valid = violation(context, "endsAt", "must not be before startsAt");
                } else if (Duration.between(draft.startsAt(), draft.endsAt()).compareTo(LONGEST_EVENT) > 0) {
                    valid = violation(context, "endsAt",
                            "must be within 366 days of startsAt; use a series for longer programmes");
                }
            }
            if (draft.registrationOpensAt() != null && draft.registrationClosesAt() != null
                    && !draft.registrationClosesAt().isAfter(draft.registrationOpensAt())) {
                valid = violation(context, "registrationClosesAt", "must be after registrationOpensAt");
            }
            if (draft.registrationClosesAt() != null && draft.endsAt() != null
                    && draft.registrationClosesAt().isAfter(draft.endsAt())) {
                valid = violation(context, "registrationClosesAt", "must not be after endsAt");
            }
            if (draft.formatOrDefault().isStreamed() && (draft.streamUrl() == null || draft.streamUrl().isBlank())) {
                valid = violation(context, "streamUrl", "is required for " + draft.formatOrDefault() + " events");
            }
            if (draft.divisionCode() == null && draft.venueId() == null) {
                valid = violation(context, "divisionCode", "is required unless venueId is given");
            }
            if ((draft.latitude() == null) != (draft.longitude() == null)) {
                valid = violation(context, draft.latitude() == null ? "latitude" : "longitude",
                        "is required when the other coordinate is given");
            }
            return valid;
        }

        private static boolean violation(ConstraintValidatorContext context, String field, String message) {
            context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
            return false;
        }
    }
}
