package org.ridemarket.fraud.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Finds values that look like a card number (PAN) anywhere in a JSON document: a string or a number
 * that, without spaces and dashes, is 13 to 19 digits passing the Luhn check. Known, unknown and
 * nested fields and array elements are all searched; only the path of the first hit is reported,
 * never the value.
 */
final class CardNumbers {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MIN_DIGITS = 13;
  private static final int MAX_DIGITS = 19;

  private CardNumbers() {
  }

  /** The path of the first value that looks like a card number, e.g. {@code extra.cards[1]}; empty if none or not JSON. */
  static Optional<String> findIn(byte[] json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      // Not JSON: binding refuses it with its own error; there is no field to search.
      return Optional.empty();
    }
    return root == null ? Optional.empty() : find(root, "");
  }

  /** Whether a value, without spaces and dashes, is 13 to 19 digits that pass the Luhn check. */
  static boolean looksLikeCardNumber(String value) {
    if (value.length() < MIN_DIGITS || value.length() > MAX_DIGITS * 3) {
      return false;
    }
    StringBuilder digits = new StringBuilder(MAX_DIGITS);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (c != ' ' && c != '-') {
        return false;
      }
    }
    return digits.length() >= MIN_DIGITS && digits.length() <= MAX_DIGITS && luhn(digits);
  }

  private static Optional<String> find(JsonNode node, String path) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        Optional<String> hit = find(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey());
        if (hit.isPresent()) {
          return hit;
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        Optional<String> hit = find(node.get(i), path + "[" + i + "]");
        if (hit.isPresent()) {
          return hit;
        }
      }
    } else if (node.isTextual() && looksLikeCardNumber(node.textValue())
        || node.isNumber() && looksLikeCardNumber(digitsOf(node))) {
      return Optional.of(path.isEmpty() ? "body" : path);
    }
    return Optional.empty();
  }

  // A whole number's digits (4111111111111111 or 4.111111111111111E15 alike); nothing for a fraction.
  private static String digitsOf(JsonNode number) {
    if (number.isIntegralNumber()) {
      return number.bigIntegerValue().abs().toString();
    }
    BigDecimal decimal = number.decimalValue().stripTrailingZeros();
    return decimal.scale() <= 0 ? decimal.toBigInteger().abs().toString() : "";
  }

  private static boolean luhn(CharSequence digits) {
    int sum = 0;
    boolean twice = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int digit = digits.charAt(i) - '0';
      if (twice) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
      twice = !twice;
    }
    return sum % 10 == 0;
  }
}
