package org.kepu.events.service;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

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

    /** Checks the schedule's order and that coordinates come in pairs. */
    class Validator implements ConstraintValidator<ConsistentDraft, EventDraft> {

        @Override
        public boolean isValid(EventDraft draft, ConstraintValidatorContext context) {
            if (draft == null) {
                return true;
            }
            boolean valid = true;
            context.disableDefaultConstraintViolation();
            if (draft.startsAt() != null && draft.endsAt() != null && draft.endsAt().isBefore(draft.startsAt())) {
                context.buildConstraintViolationWithTemplate("must not be before startsAt").addPropertyNode("endsAt")
                        .addConstraintViolation();
                valid = false;
            }
            if ((draft.latitude() == null) != (draft.longitude() == null)) {
                context.buildConstraintViolationWithTemplate("is required when the other coordinate is given")
                        .addPropertyNode(draft.latitude() == null ? "latitude" : "longitude").addConstraintViolation();
                valid = false;
            }
            return valid;
        }
    }
}
