package org.ridemarket.simulator.payments;

import java.util.Comparator;
import java.util.PriorityQueue;
import org.ridemarket.simulator.clock.SimClock;

/** Payments planned for later (tips, the steps of a fraud episode), attempted when the clock reaches them. */
public final class ScheduledPayments {

  private record Entry(PlannedPayment payment, long sequence) {
  }

  // Ties in time keep planning order, so the release order never depends on the heap's layout.
  private final PriorityQueue<Entry> queue = new PriorityQueue<>(
      Comparator.comparingLong((Entry e) -> e.payment().at()).thenComparingLong(Entry::sequence));
  private final PaymentDesk desk;
  private long sequence;

  /** Planned payments attempted through {@code desk}. */
  public ScheduledPayments(PaymentDesk desk) {
    this.desk = desk;
  }

  /** Plans a payment. */
  public void schedule(PlannedPayment payment) {
    queue.add(new Entry(payment, sequence++));
  }

  /** Attempts every payment that is due, in time order. */
  public void releaseDue(SimClock clock) {
    while (!queue.isEmpty() && queue.peek().payment().at() <= clock.now()) {
      desk.pay(queue.poll().payment(), clock);
    }
  }

  /** Payments still planned. */
  public int pending() {
    return queue.size();
  }
}
