package org.ridemarket.service.rest;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The checks every string of a request passes, wherever it comes from (a body's value or field name,
 * a path or query parameter): no card number, no control character, no broken UTF-16, not too long.
 * Reasons never repeat the value.
 */
@Singleton
public class InputScreen {

  private final int maxLength;

  @Inject
  InputScreen(InputLimits limits) {
    this(limits.maxStringLength());
  }

  /** A screen with a given maximum length, for tests and plain Java. */
  public InputScreen(int maxLength) {
    this.maxLength = maxLength;
  }

  /** Whether a value looks like a card number; such a value gets {@link CardNumberRefusedException}. */
  public boolean isCardNumber(CharSequence value) {
    return CardNumbers.looksLikeCardNumber(value);
  }

  /** Why a value is refused, other than as a card number, or null when it passes. */
  public String problem(CharSequence value) {
    int length = value.length();
    if (length > maxLength) {
      return "must be at most " + maxLength + " characters";
    }
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c)) {
        return "must not contain control characters";
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 == length || !Character.isLowSurrogate(value.charAt(i + 1))) {
          return "must be valid Unicode (a lone surrogate)";
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return "must be valid Unicode (a lone surrogate)";
      }
    }
    return null;
  }

  /**
   * Refuses a value.
   *
   * @param field where it was, for the refusal
   * @throws CardNumberRefusedException if it looks like a card number
   * @throws InvalidRequestException if it has another {@link #problem}
   */
  public void check(String field, CharSequence value) {
    if (isCardNumber(value)) {
      throw new CardNumberRefusedException(field);
    }
    String problem = problem(value);
    if (problem != null) {
      throw new InvalidRequestException(field, problem);
    }
  }
}
