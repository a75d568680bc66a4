package org.ridemarket.simulator.payments;

import org.ridemarket.contracts.events.PaymentAttempted;
import org.ridemarket.simulator.clock.SimClock;

/** Told about every payment right after it was emitted, with the truth about it. */
@FunctionalInterface
public interface PaymentObserver {

  /** {@code payment} was attempted now; {@code planned} says whether it is fraud and which pattern. */
  void paid(PaymentAttempted payment, PlannedPayment planned, SimClock clock);
}
