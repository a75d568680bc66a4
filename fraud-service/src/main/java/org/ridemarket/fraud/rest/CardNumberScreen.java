package org.ridemarket.fraud.rest;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.ridemarket.fraud.CardNumberRefusedException;

/**
 * Refuses any request body that carries something that looks like a card number, before it is bound
 * to a request type: raw card numbers must never enter the system, not even an unknown field's value.
 * The refusal names the field only; the value is neither answered, nor logged, nor kept.
 */
@Provider
public class CardNumberScreen implements ReaderInterceptor {

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    byte[] body = context.getInputStream().readAllBytes();
    String field = CardNumbers.findIn(body).orElse(null);
    if (field != null) {
      throw new CardNumberRefusedException(field);
    }
    context.setInputStream(new ByteArrayInputStream(body));
    return context.proceed();
  }
}
