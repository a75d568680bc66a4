package org.ridemarket.service.rest.route;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.ridemarket.service.rest.ErrorResponse.FieldError;
import org.ridemarket.service.rest.InvalidRequestException;

/**
 * Hand-written validation of a decision request, in the words Bean Validation uses for the same constraints
 * (each request type keeps its annotations for the OpenAPI schema, and a test per type checks that both
 * agree). On the decision path it replaces Hibernate Validator, which cost about a tenth of a request's CPU
 * (docs/adr/0017-decision-routes.md). Fields are named as JSON paths: {@code pickup.lat}.
 */
public final class FieldChecks {

  private final String prefix;
  private final List<FieldError> errors;

  private FieldChecks(String prefix, List<FieldError> errors) {
    this.prefix = prefix;
    this.errors = errors;
  }

  /** Checks of a request body. */
  public static FieldChecks of(Checked body) {
    FieldChecks checks = new FieldChecks("", new ArrayList<>(2));
    body.check(checks);
    return checks;
  }

  /**
   * Checks of a nested object: {@code @NotNull @Valid} in Bean Validation's terms.
   *
   * @return false when {@code value} is null (and that is recorded)
   */
  public boolean nested(String field, Checked value) {
    if (!notNull(field, value)) {
      return false;
    }
    value.check(new FieldChecks(path(field), errors));
    return true;
  }

  /** {@code @NotNull}. */
  public boolean notNull(String field, Object value) {
    return value != null || fail(field, "must not be null");
  }

  /** {@code @NotBlank}. */
  public boolean notBlank(String field, String value) {
    return (value != null && !value.isBlank()) || fail(field, "must not be blank");
  }

  /** {@code @Size(min, max)} of a string; null passes, as in Bean Validation. */
  public boolean size(String field, String value, int min, int max) {
    return value == null || (value.length() >= min && value.length() <= max)
        || fail(field, "size must be between " + min + " and " + max);
  }

  /** {@code @NotNull @DecimalMin(min) @DecimalMax(max)}, both inclusive, as written in the annotations. */
  public boolean between(String field, Double value, String min, String max) {
    if (!notNull(field, value)) {
      return false;
    }
    // The hardened JSON mapper already refused NaN and infinities, so plain comparisons are exact enough.
    boolean ok = true;
    if (value < Double.parseDouble(min)) {
      ok = fail(field, "must be greater than or equal to " + min);
    }
    if (value > Double.parseDouble(max)) {
      ok = fail(field, "must be less than or equal to " + max);
    }
    return ok;
  }

  /** {@code @Positive} of a whole number; null passes. */
  public boolean positive(String field, Long value) {
    return value == null || value > 0 || fail(field, "must be greater than 0");
  }

  /** {@code @Pattern(regexp, message)}; null passes. */
  public boolean matches(String field, String value, Pattern pattern, String message) {
    return value == null || pattern.matcher(value).matches() || fail(field, message);
  }

  /**
   * Records a violation.
   *
   * @return false, so that a check reads {@code return ok || fail(...)}
   */
  public boolean fail(String field, String message) {
    errors.add(new FieldError(path(field), message));
    return false;
  }

  /** The violations so far, sorted by field and message, without duplicates (as the exception mapper sorts). */
  public List<FieldError> errors() {
    TreeSet<FieldError> sorted = new TreeSet<>(Comparator.comparing(FieldError::field)
        .thenComparing(FieldError::message));
    sorted.addAll(errors);
    return List.copyOf(sorted);
  }

  /** Throws a 400 naming every field at fault, if any is. */
  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors());
    }
  }

  private String path(String field) {
    return prefix.isEmpty() ? field : prefix + "." + field;
  }
}
