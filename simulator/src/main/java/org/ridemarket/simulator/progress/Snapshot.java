package org.ridemarket.simulator.progress;

import java.time.Instant;
import java.util.Map;
import org.ridemarket.contracts.events.FraudPattern;
import org.ridemarket.simulator.trips.MarketOutcome;

/**
 * The state of a run at one moment, for progress lines and the summary: simulated time, events
 * by topic, the market and the payments.
 *
 * @param simTime the simulated clock
 * @param topics topic names, in the order of {@code eventsByTopic}
 * @param eventsByTopic events emitted so far per topic
 * @param driversOnline drivers on shift now
 * @param openRequests requests waiting for a driver
 * @param market the market's outcome for every request so far
 * @param window the market's outcome for the requests made in the report window, or null without one
 * @param meanTripSeconds mean duration of completed trips
 * @param meanTripMeters mean driven distance of completed trips
 * @param payments payments attempted
 * @param fraudPayments fraudulent payments among them
 * @param fraudByPattern fraudulent payments by pattern
 * @param labelsPending chargeback labels not yet due
 */
public record Snapshot(Instant simTime, String[] topics, long[] eventsByTopic, int driversOnline, int openRequests,
    MarketOutcome market, MarketOutcome window, double meanTripSeconds, double meanTripMeters, long payments,
    long fraudPayments, Map<FraudPattern, Long> fraudByPattern, int labelsPending) {

  /** All events emitted so far. */
  public long totalEvents() {
    long total = 0;
    for (long count : eventsByTopic) {
      total += count;
    }
    return total;
  }

  /** Rides requested (RideRequested events). */
  public long ridesRequested() {
    return market.requested();
  }

  /** Trips completed. */
  public long ridesCompleted() {
    return market.completed();
  }

  /** Cancelled trips by reason. */
  public Map<String, Long> cancelledByReason() {
    return market.cancelledByReason();
  }

  /** Cancelled trips, all reasons. */
  public long ridesCancelled() {
    return market.cancelled();
  }

  /** Riders who saw the quoted price and did not request. */
  public long priceDeclined() {
    return market.priceDeclined();
  }

  /** Mean time from request to pick-up. */
  public double meanPickupWaitSeconds() {
    return market.meanPickupWaitSeconds();
  }

  /** Fraudulent payments / all payments. */
  public double fraudShare() {
    return payments == 0 ? 0 : (double) fraudPayments / payments;
  }
}
