package org.ridemarket.simulator.payments;

import java.util.ArrayList;
import java.util.List;
import org.ridemarket.contracts.events.GeoPoint;
import org.ridemarket.contracts.events.PaymentAttempted;
import org.ridemarket.simulator.clock.SimClock;
import org.ridemarket.simulator.ids.IdGenerator;
import org.ridemarket.simulator.output.EventEmitter;

/** Attempts payments: emits each as a PaymentAttempted, then tells the observers (truth, labels, fraud control). */
public final class PaymentDesk {

  /** Currency of every payment. */
  public static final String CURRENCY = "USD";

  private final IdGenerator ids;
  private final EventEmitter emitter;
  private final List<PaymentObserver> observers = new ArrayList<>();

  /** A desk with ids from {@code ids}, emitting through {@code emitter}. */
  public PaymentDesk(IdGenerator ids, EventEmitter emitter) {
    this.ids = ids;
    this.emitter = emitter;
  }

  /** Adds an observer; observers are told in the order they were added. */
  public void observe(PaymentObserver observer) {
    observers.add(observer);
  }

  /** Attempts the payment now. */
  public void pay(PlannedPayment planned, SimClock clock) {
    PaymentAttempted payment = new PaymentAttempted(ids.eventId(), clock.instant(), ids.next("txn_", 20),
        planned.cardFingerprint(), planned.userId(), planned.deviceId(), planned.amountMinor(), CURRENCY,
        new GeoPoint(planned.lat(), planned.lon()), planned.merchantId(), planned.tripId());
    emitter.payment(payment);
    for (PaymentObserver observer : observers) {
      observer.paid(payment, planned, clock);
    }
  }
}
