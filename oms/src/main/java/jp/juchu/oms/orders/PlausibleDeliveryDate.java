package jp.juchu.oms.orders;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.LocalDate;

/** A delivery date a form may carry: see {@link OrderLimits#plausibleDeliveryDate}. Empty is allowed. */
@Constraint(validatedBy = PlausibleDeliveryDate.Check.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlausibleDeliveryDate {
    String message() default "{orders.deliveryDate.range}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks against today in Japan, from the application's clock. */
    class Check implements ConstraintValidator<PlausibleDeliveryDate, LocalDate> {

        private final Clock clock;

        Check(Clock clock) {
            this.clock = clock;
        }

        @Override
        public boolean isValid(LocalDate date, ConstraintValidatorContext context) {
            return date == null || OrderLimits.plausibleDeliveryDate(date, LocalDate.now(clock));
        }
    }
}
