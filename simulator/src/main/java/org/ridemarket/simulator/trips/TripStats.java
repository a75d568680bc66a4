package org.ridemarket.simulator.trips;

import java.util.Map;
import java.util.TreeMap;

/** Running counts of the ride market, for progress lines and the final summary. */
public final class TripStats {

  private long requested;
  private long completed;
  private final Map<String, Long> cancelled = new TreeMap<>();
  private long pickups;
  private long pickupWaitMillis;
  private double tripSeconds;
  private double tripMeters;

  void requested() {
    requested++;
  }

  void pickedUp(long waitMillis) {
    pickups++;
    pickupWaitMillis += waitMillis;
  }

  void completed(double seconds, double meters) {
    completed++;
    tripSeconds += seconds;
    tripMeters += meters;
  }

  void cancelled(String reason) {
    cancelled.merge(reason, 1L, Long::sum);
  }

  public long requestedCount() {
    return requested;
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

  /** Mean time from request to pick-up, seconds; 0 before the first pick-up. */
  public double meanPickupWaitSeconds() {
    return pickups == 0 ? 0 : pickupWaitMillis / 1000.0 / pickups;
  }

  /** Mean duration of completed trips, seconds. */
  public double meanTripSeconds() {
    return completed == 0 ? 0 : tripSeconds / completed;
  }

  /** Mean driven distance of completed trips, metres. */
  public double meanTripMeters() {
    return completed == 0 ? 0 : tripMeters / completed;
  }
}
