package org.ridemarket.simulator.fraud;

import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.ridemarket.contracts.events.FraudLabel;
import org.ridemarket.contracts.events.FraudLabeled;
import org.ridemarket.contracts.events.FraudPattern;
import org.ridemarket.contracts.events.LabelSource;
import org.ridemarket.contracts.events.PaymentAttempted;
import org.ridemarket.simulator.clock.SimClock;
import org.ridemarket.simulator.ids.IdGenerator;
import org.ridemarket.simulator.output.EventEmitter;
import org.ridemarket.simulator.payments.PaymentObserver;
import org.ridemarket.simulator.payments.PlannedPayment;

/**
 * The late truth: every fraudulent payment gets a CHARGEBACK label on fraud.labels once the
 * simulated clock reaches its label delay, days later by default, so short runs see none yet.
 */
public final class ChargebackLabels implements PaymentObserver {

  private record Pending(long due, long sequence, UUID eventId, String transactionId, Instant paymentTime,
      FraudPattern pattern, String cardFingerprint, String merchantId) {
  }

  private final PriorityQueue<Pending> queue = new PriorityQueue<>(
      Comparator.comparingLong(Pending::due).thenComparingLong(Pending::sequence));
  private final LabelDelay delay;
  private final IdGenerator ids;
  private final EventEmitter emitter;
  private final RandomGenerator rng;
  private long sequence;

  /** Labels delayed by {@code delay}, emitted through {@code emitter}. */
  public ChargebackLabels(LabelDelay delay, IdGenerator ids, EventEmitter emitter, RandomGenerator rng) {
    this.delay = delay;
    this.ids = ids;
    this.emitter = emitter;
    this.rng = rng;
  }

  @Override
  public void paid(PaymentAttempted payment, PlannedPayment planned, SimClock clock) {
    if (!planned.fraud()) {
      return;
    }
    long due = clock.now() + delay.drawMillis(rng);
    // The event id is drawn now, so ids do not depend on when (or whether) the label is released.
    queue.add(new Pending(due, sequence++, ids.eventId(), payment.getTransactionId(), payment.getEventTime(),
        planned.pattern(), payment.getCardFingerprint(), payment.getMerchantId()));
  }

  /** Emits the labels that are due, stamped with the current time. */
  public void releaseDue(SimClock clock) {
    while (!queue.isEmpty() && queue.peek().due() <= clock.now()) {
      Pending due = queue.poll();
      emitter.fraudLabel(new FraudLabeled(due.eventId(), clock.instant(), due.transactionId(), due.paymentTime(),
          FraudLabel.FRAUD, due.pattern(), LabelSource.CHARGEBACK, due.cardFingerprint(), due.merchantId()));
    }
  }

  /** Labels not yet delivered. */
  public int pending() {
    return queue.size();
  }
}
