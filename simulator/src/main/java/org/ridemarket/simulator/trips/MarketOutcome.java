package org.ridemarket.simulator.trips;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the market served the riders who asked in a window: requests, matches, outcomes, riders lost
 * to the price, and the pickup waits they got. A picture at one moment; later steps do not change it.
 *
 * @param window the requests it covers, by request time
 * @param requested rides requested (RideRequested events)
 * @param accepted requests matched with a driver
 * @param completed trips completed
 * @param cancelledByReason cancelled trips by reason, in reason order
 * @param priceDeclined riders who saw the quoted price and did not request
 * @param meanPickupWaitSeconds mean time from request to pick-up
 * @param medianPickupWaitSeconds median time from request to pick-up
 * @param p90PickupWaitSeconds time from request to pick-up that 90% of the pick-ups did not exceed
 */
public record MarketOutcome(RequestWindow window, long requested, long accepted, long completed,
    Map<String, Long> cancelledByReason, long priceDeclined, double meanPickupWaitSeconds,
    double medianPickupWaitSeconds, double p90PickupWaitSeconds) {

  public MarketOutcome {
    // Sorted, so that the summary lists the reasons in the same order in every run.
    cancelledByReason = Collections.unmodifiableMap(new TreeMap<>(cancelledByReason));
  }

  /** Share of requests that got a driver; 0 before the first request. */
  public double acceptedShare() {
    return requested == 0 ? 0 : (double) accepted / requested;
  }

  /** Share of the riders who were quoted a price (requested or walked away) that got a driver. */
  public double acceptedShareOfQuoted() {
    return requested + priceDeclined == 0 ? 0 : (double) accepted / (requested + priceDeclined);
  }

  /** Cancelled trips, all reasons. */
  public long cancelled() {
    return cancelledByReason.values().stream().mapToLong(Long::longValue).sum();
  }
}
