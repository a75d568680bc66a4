package org.ridemarket.service.rest.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import org.ridemarket.service.rest.CardNumberRefusedException;
import org.ridemarket.service.rest.InvalidRequestException;
import org.ridemarket.service.rest.RequestRefusedException;

/**
 * A body refused while it was read, by the hardened deserializers: a Jackson exception (so that
 * Jackson and RESTEasy pass it on as a bad body) that carries the refusal it stands for.
 */
public final class RefusedJsonException extends JsonMappingException {

  private final transient RequestRefusedException refusal;

  private RefusedJsonException(JsonParser parser, RequestRefusedException refusal) {
    super(parser, refusal.title());
    this.refusal = refusal;
  }

  /** A field of the wrong kind or out of its limits. */
  static RefusedJsonException invalid(JsonParser parser, String field, String reason) {
    return new RefusedJsonException(parser, new InvalidRequestException(field, reason));
  }

  /** A card number in a field's value or name. */
  static RefusedJsonException cardNumber(JsonParser parser, String field) {
    return new RefusedJsonException(parser, new CardNumberRefusedException(field));
  }

  /** The refusal to answer. */
  public RequestRefusedException refusal() {
    return refusal;
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    // A refused body is the client's fault and common under attack; a stack trace would only cost.
    return this;
  }
}
