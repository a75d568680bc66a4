package org.ridemarket.fraud.rest;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A payment names a merchant or a trip, or neither, never both; the violation names {@code tripId}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = AtMostOnePayee.Validator.class)
public @interface AtMostOnePayee {

  String message() default "must not be set together with merchantId: a payment is a trip fare or a merchant payment";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks a score request. */
  class Validator implements ConstraintValidator<AtMostOnePayee, ScoreRequest> {

    @Override
    public boolean isValid(ScoreRequest request, ConstraintValidatorContext context) {
      if (request == null || request.merchantId() == null || request.tripId() == null) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
          .addPropertyNode("tripId").addConstraintViolation();
      return false;
    }
  }
}
