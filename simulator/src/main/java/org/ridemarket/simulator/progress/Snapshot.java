package org.ridemarket.simulator.progress;

import java.time.Instant;
import java.util.Map;
import org.ridemarket.contracts.events.FraudPattern;

/**
 * The state of a run at one moment, for progress lines and the summary: simulated time, events
 * by topic, the market and the payments.
 *
 * @param simTime the simulated clock
 * @param topics topic names, in the order of {@code eventsByTopic}
 * @param eventsByTopic events emitted so far per topic
 * @param driversOnline drivers on shift now
 * @param openRequests requests waiting for a driver
 * @param ridesRequested rides requested (RideRequested events)
 * @param ridesCompleted trips completed
 * @param cancelledByReason cancelled trips by reason
 * @param priceDeclined riders who saw the quoted price and did not request
 * @param meanPickupWaitSeconds mean time from request to pick-up
 * @param meanTripSeconds mean duration of completed trips
 * @param meanTripMeters mean driven distance of completed trips
 * @param payments payments attempted
 * @param fraudPayments fraudulent payments among them
 * @param fraudByPattern fraudulent payments by pattern
 * @param labelsPending chargeback labels not yet due
 */
public record Snapshot(Instant simTime, String[] topics, long[] eventsByTopic, int driversOnline, int openRequests,
    long ridesRequested, long ridesCompleted, Map<String, Long> cancelledByReason, long priceDeclined,
    double meanPickupWaitSeconds, double meanTripSeconds, double meanTripMeters, long payments, long fraudPayments,
    Map<FraudPattern, Long> fraudByPattern, int labelsPending) {

  /** All events emitted so far. */
  public long totalEvents() {
    long total = 0;
    for (long count : eventsByTopic) {
      total += count;
    }
    return total;
  }

  /** Cancelled trips, all reasons. */
  public long ridesCancelled() {
    return cancelledByReason.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Fraudulent payments / all payments. */
  public double fraudShare() {
    return payments == 0 ? 0 : (double) fraudPayments / payments;
  }
}
