package org.ridemarket.pricing.rest;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Arrays;
import java.util.List;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.ridemarket.contracts.events.Product;

/** Accepts the names of the contract's products except UNKNOWN, so a new product needs no change here. */
public class KnownProductValidator implements ConstraintValidator<KnownProduct, String> {

  /** The products riders can ask for. */
  public static final List<String> PRICEABLE = Arrays.stream(Product.values())
      .filter(product -> product != Product.UNKNOWN).map(Product::name).toList();

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    if (value == null || PRICEABLE.contains(value)) {
      return true;
    }
    context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("products", String.join(", ", PRICEABLE));
    return false;
  }
}
