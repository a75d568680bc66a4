package org.ridemarket.service.rest;

import java.util.List;
import org.ridemarket.service.rest.ErrorResponse.FieldError;

/**
 * A request carried something that looks like a card number (PAN): a 400. Holds only the field's
 * path, never the value, so that no log or response can repeat it.
 */
public final class CardNumberRefusedException extends RequestRefusedException {

  /** The body's title. */
  public static final String TITLE = "card number refused";
  /** The field's message. */
  public static final String MESSAGE = "looks like a card number; send the card's fingerprint, never its number";

  /**
   * A refusal.
   *
   * @param field the path of the field or the parameter's name, e.g. {@code extra.items[0]} or {@code transactionId}
   */
  public CardNumberRefusedException(String field) {
    super(400, TITLE, List.of(new FieldError(field, MESSAGE)), null, null);
  }
}
