package org.ridemarket.fraud;

/**
 * A request carried something that looks like a card number (PAN). Holds only the field's path, never
 * the value, so that no log or response can repeat it.
 */
public final class CardNumberRefusedException extends RuntimeException {

  private final String field;

  public CardNumberRefusedException(String field) {
    super("field " + field + " looks like a card number", null, false, false);
    this.field = field;
  }

  /** The JSON path of the field at fault, e.g. {@code cardFingerprint} or {@code extra.items[0]}. */
  public String field() {
    return field;
  }
}
