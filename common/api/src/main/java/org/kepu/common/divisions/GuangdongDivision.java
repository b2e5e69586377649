package org.kepu.common.divisions;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** The value, when present, is the GB/T 2260 code of one of Guangdong's divisions. */
@Documented
@Constraint(validatedBy = GuangdongDivision.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface GuangdongDivision {

    String message() default "must be the GB/T 2260 code of a Guangdong division, e.g. 440100";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks against the reference list loaded by {@link Divisions}; a bean so that it can be injected. */
    @ApplicationScoped
    class Validator implements ConstraintValidator<GuangdongDivision, String> {

        private final Divisions divisions;

        public Validator(Divisions divisions) {
            this.divisions = divisions;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || divisions.find(value).isPresent();
        }
    }
}
