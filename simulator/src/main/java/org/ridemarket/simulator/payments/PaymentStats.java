package org.ridemarket.simulator.payments;

import java.util.EnumMap;
import java.util.Map;
import org.ridemarket.contracts.events.FraudPattern;
import org.ridemarket.contracts.events.PaymentAttempted;
import org.ridemarket.simulator.clock.SimClock;

/** Counts payments and fraudulent ones by pattern, for the summary. */
public final class PaymentStats implements PaymentObserver {

  private final Map<FraudPattern, Long> fraudByPattern = new EnumMap<>(FraudPattern.class);
  private long total;
  private long fraud;

  @Override
  public void paid(PaymentAttempted payment, PlannedPayment planned, SimClock clock) {
    total++;
    if (planned.fraud()) {
      fraud++;
      fraudByPattern.merge(planned.pattern(), 1L, Long::sum);
    }
  }

  /** All payments. */
  public long total() {
    return total;
  }

  /** Fraudulent payments. */
  public long fraud() {
    return fraud;
  }

  /** Fraudulent payments / all payments; 0 before the first payment. */
  public double fraudShare() {
    return total == 0 ? 0 : (double) fraud / total;
  }

  /** Fraudulent payments by pattern, in pattern order. */
  public Map<FraudPattern, Long> fraudByPattern() {
    return new EnumMap<>(fraudByPattern);
  }
}
