package org.kepu.events.service;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.kepu.common.rules.DomainException.FieldError;
import org.kepu.events.domain.Event;

/**
 * A draft breaks none of the rules its event keeps across fields: the rules are {@link Event}'s, which enforces them
 * when the draft is applied; this asks them while the draft's single-field constraints are checked, so that one
 * answer lists every mistake of a request (an empty title and an end before the start), each on its field.
 */
@Documented
@Constraint(validatedBy = KeepsEventRules.Validator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface KeepsEventRules {

    String message() default "breaks a rule of events";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Reports what the event's rules say of the draft as violations of the fields they name. */
    class Validator implements ConstraintValidator<KeepsEventRules, EventDraft> {

        @Override
        public boolean isValid(EventDraft draft, ConstraintValidatorContext context) {
            if (draft == null) {
                return true;
            }
            List<FieldError> errors = new ArrayList<>(Event.scheduleErrors(draft.startsAt(), draft.endsAt(),
                    draft.registrationOpensAt(), draft.registrationClosesAt()));
            errors.addAll(Event.attendanceErrors(draft.format(), draft.streamUrl()));
            errors.addAll(Event.placeErrors(draft.divisionCode(), draft.venueId(), draft.latitude(), draft.longitude()));
            context.disableDefaultConstraintViolation();
            for (FieldError error : errors) {
                context.buildConstraintViolationWithTemplate(error.message()).addPropertyNode(error.field())
                        .addConstraintViolation();
            }
            return errors.isEmpty();
        }
    }
}
