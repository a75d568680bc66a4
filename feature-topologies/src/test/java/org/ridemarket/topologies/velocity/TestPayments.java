package org.ridemarket.topologies.velocity;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.ridemarket.contracts.events.GeoPoint;
import org.ridemarket.contracts.events.PaymentAttempted;

/** Valid payment attempts, for the velocity topology tests and, through the test-jar, the apps' tests. */
public final class TestPayments {

  public static final GeoPoint TIMES_SQUARE = new GeoPoint(40.7580, -73.9855);
  public static final GeoPoint JFK = new GeoPoint(40.6413, -73.7781);

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private TestPayments() {
  }

  /** A payment in USD at Times Square. */
  public static PaymentAttempted payment(String card, String user, String device, long amountMinor,
      Instant eventTime) {
    return payment(card, user, device, amountMinor, TIMES_SQUARE, eventTime);
  }

  /** A payment in USD at {@code location}. */
  public static PaymentAttempted payment(String card, String user, String device, long amountMinor,
      GeoPoint location, Instant eventTime) {
    int n = SEQUENCE.incrementAndGet();
    return PaymentAttempted.newBuilder().setEventId(UUID.randomUUID()).setEventTime(eventTime)
        .setTransactionId("tx-" + n).setCardFingerprint(card).setUserId(user).setDeviceId(device)
        .setAmountMinor(amountMinor).setCurrency("USD").setLocation(location).setTripId("trip-" + n).build();
  }
}
