package org.ridemarket.service.rest.fuzz;

import java.nio.charset.StandardCharsets;

/**
 * One generated bad request body and what the service must answer to it.
 *
 * @param mutation the kind of damage, e.g. {@code duplicate-key}, for the report
 * @param bytes the body as sent
 * @param field the field the 400 must name, or null when any status below 500 will do (truncation,
 *     random bytes, deep nesting: the body may happen to be acceptable)
 * @param cardNumber whether the 400 must be the card number refusal
 * @param secret text that must never appear in the answer (the card number), or null
 */
public record BadBody(String mutation, byte[] bytes, String field, boolean cardNumber, String secret) {

  static BadBody refused(String mutation, String json, String field) {
    return new BadBody(mutation, json.getBytes(StandardCharsets.UTF_8), field, false, null);
  }

  static BadBody cardNumber(String mutation, String json, String field, String digits) {
    return new BadBody(mutation, json.getBytes(StandardCharsets.UTF_8), field, true, digits);
  }

  static BadBody anyClientError(String mutation, byte[] bytes) {
    return new BadBody(mutation, bytes, null, false, null);
  }

  /** The body as text, for a failure report. */
  public String text() {
    String text = new String(bytes, StandardCharsets.UTF_8);
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }
}
