package org.ridemarket.simulator.trips;

import java.util.Map;
import java.util.TreeMap;

/**
 * Running counts of the ride market, for progress lines and the final summary, over the requests
 * made in a window: every step of a trip counts by when its ride was requested.
 */
public final class TripStats {

  private static final double MEDIAN = 0.5;
  private static final double P90 = 0.9;

  private final RequestWindow window;
  private long requested;
  private long accepted;
  private long completed;
  private final Map<String, Long> cancelled = new TreeMap<>();
  private final PickupWaits pickupWaits = new PickupWaits();
  private double tripSeconds;
  private double tripMeters;

  /** Counts of the requests made in {@code window}; {@link RequestWindow#ALL} for the whole run. */
  public TripStats(RequestWindow window) {
    this.window = window;
  }

  void requested(long requestedAt) {
    if (window.contains(requestedAt)) {
      requested++;
    }
  }

  void accepted(long requestedAt) {
    if (window.contains(requestedAt)) {
      accepted++;
    }
  }

  void pickedUp(long requestedAt, long waitMillis) {
    if (window.contains(requestedAt)) {
      pickupWaits.add(waitMillis);
    }
  }

  void completed(long requestedAt, double seconds, double meters) {
    if (window.contains(requestedAt)) {
      completed++;
      tripSeconds += seconds;
      tripMeters += meters;
    }
  }

  void cancelled(long requestedAt, String reason) {
    if (window.contains(requestedAt)) {
      cancelled.merge(reason, 1L, Long::sum);
    }
  }

  /** The requests these counts cover. */
  public RequestWindow window() {
    return window;
  }

  public long requestedCount() {
    return requested;
  }

  /** Requests matched with a driver. */
  public long acceptedCount() {
    return accepted;
  }

  public long completedCount() {
    return completed;
  }

  /** Cancellations by reason, in reason order. */
  public Map<String, Long> cancelledByReason() {
    return new TreeMap<>(cancelled);
  }

  /** All cancellations. */
  public long cancelledCount() {
    return cancelled.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Share of requests that got a driver; 0 before the first request. */
  public double acceptedShare() {
    return requested == 0 ? 0 : (double) accepted / requested;
  }

  /** Mean time from request to pick-up, seconds; 0 before the first pick-up. */
  public double meanPickupWaitSeconds() {
    return pickupWaits.meanSeconds();
  }

  /** Median time from request to pick-up, whole seconds; 0 before the first pick-up. */
  public double medianPickupWaitSeconds() {
    return pickupWaits.quantileSeconds(MEDIAN);
  }

  /** Time from request to pick-up that 90% of pick-ups did not exceed, whole seconds; 0 before the first. */
  public double p90PickupWaitSeconds() {
    return pickupWaits.quantileSeconds(P90);
  }

  /** Mean duration of completed trips, seconds. */
  public double meanTripSeconds() {
    return completed == 0 ? 0 : tripSeconds / completed;
  }

  /** Mean driven distance of completed trips, metres. */
  public double meanTripMeters() {
    return completed == 0 ? 0 : tripMeters / completed;
  }

  /** The market's outcome so far, with {@code priceDeclined} riders who walked away in the same window. */
  public MarketOutcome outcome(long priceDeclined) {
    return new MarketOutcome(window, requested, accepted, completed, cancelled, priceDeclined,
        meanPickupWaitSeconds(), medianPickupWaitSeconds(), p90PickupWaitSeconds());
  }
}
