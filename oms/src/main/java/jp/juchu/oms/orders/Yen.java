package jp.juchu.oms.orders;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An amount of yen a form may carry: 0 to {@link OrderLimits#MAX_YEN}. */
@Min(0)
@Max(OrderLimits.MAX_YEN)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface Yen {
    String message() default "{orders.yen}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
