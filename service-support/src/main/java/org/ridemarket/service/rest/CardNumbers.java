package org.ridemarket.service.rest;

import java.math.BigDecimal;

/**
 * Recognises a card number (PAN): 13 to 19 decimal digits passing the Luhn check, with any separators
 * between them that a person or a form may put there: spaces of every kind (U+00A0 and the other
 * Unicode spaces included), dots, dashes, slashes and underscores. One pass, no allocation: it runs on
 * every string of every request.
 */
public final class CardNumbers {

  private static final int MIN_DIGITS = 13;
  private static final int MAX_DIGITS = 19;

  private CardNumbers() {
  }

  /** Whether a text, without its separators, is 13 to 19 digits that pass the Luhn check. */
  public static boolean looksLikeCardNumber(CharSequence value) {
    int length = value.length();
    if (length < MIN_DIGITS) {
      return false;
    }
    // Digits from the right, so that the doubling of Luhn needs no second pass.
    int digits = 0;
    int sum = 0;
    for (int i = length - 1; i >= 0; i--) {
      char c = value.charAt(i);
      int digit = Character.digit(c, 10);
      if (digit >= 0) {
        if (++digits > MAX_DIGITS) {
          return false;
        }
        if (digits % 2 == 0) {
          digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
        }
        sum += digit;
      } else if (!isSeparator(c)) {
        return false;
      }
    }
    return digits >= MIN_DIGITS && sum % 10 == 0;
  }

  /**
   * Whether a JSON number is a card number: a whole number (4111111111111111, 4.111111111111111E15 or
   * 4111111111111111.0 alike) whose digits are one. A fraction never is: coordinates have as many digits.
   */
  public static boolean looksLikeCardNumber(BigDecimal number) {
    BigDecimal whole = number.stripTrailingZeros();
    int integerDigits = whole.precision() - whole.scale();
    // Checked before toBigInteger: 1e999999999 must not become a billion-digit number.
    if (whole.scale() > 0 || integerDigits < MIN_DIGITS || integerDigits > MAX_DIGITS) {
      return false;
    }
    return looksLikeCardNumber(whole.toBigInteger().abs().toString());
  }

  private static boolean isSeparator(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '.' || c == '/' || c == '_' || c == '\\'
        || Character.getType(c) == Character.DASH_PUNCTUATION || c == '\u2212';
  }
}
