package org.ridemarket.loadtest.bench;

import io.vertx.core.buffer.Buffer;
import org.ridemarket.loadtest.eta.EtaRequests;
import org.ridemarket.loadtest.payments.PaymentRequests;
import org.ridemarket.loadtest.quotes.QuoteRequests;

/**
 * The bodies of a load, built before it starts so the generator only writes bytes while it measures:
 * the Gatling simulations' own seeded generators, one stream per load so fraud's transaction ids never
 * repeat within a run (a repeat would be an idempotent replay, not a decision).
 */
public final class RequestBodies {

  private final QuoteRequests quotes;
  private final EtaRequests etas;
  private final PaymentRequests payments;

  /** Bodies drawn from {@code seed}; fraud's transaction ids carry {@code runId}. */
  public RequestBodies(long seed, String runId) {
    this.quotes = QuoteRequests.midtown(seed);
    this.etas = EtaRequests.midtown(seed);
    this.payments = PaymentRequests.midtown(seed, runId);
  }

  /** The JSON of request {@code n} of {@code stream} to {@code service}. */
  public String json(Service service, long stream, long n) {
    return switch (service) {
      case PRICING -> quotes.request(stream, n).json();
      case ETA -> etas.request(stream, n).json();
      case FRAUD -> payments.request(stream, n).json();
    };
  }

  /** {@code count} bodies of {@code stream}, ready to send. */
  public Buffer[] build(Service service, long stream, int count) {
    Buffer[] bodies = new Buffer[count];
    for (int n = 0; n < count; n++) {
      bodies[n] = Buffer.buffer(json(service, stream, n));
    }
    return bodies;
  }
}
