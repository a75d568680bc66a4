package org.ridemarket.simulator.trips;

import org.ridemarket.simulator.drivers.Driver;
import org.ridemarket.simulator.riders.RideRequest;

/** A ride request on its way through the lifecycle: who drives it, and when each step happened. */
public final class Trip {

  private final RideRequest request;
  private Driver driver;
  private long acceptedAt = -1;
  private long pickedUpAt = -1;
  private double tripMeters;
  private long riderCancelsAt = -1;

  /** A trip for a request not yet matched. */
  public Trip(RideRequest request) {
    this.request = request;
  }

  public RideRequest request() {
    return request;
  }

  /** The driver, or null while unmatched. */
  public Driver driver() {
    return driver;
  }

  void accepted(Driver by, long at) {
    driver = by;
    acceptedAt = at;
  }

  public long acceptedAt() {
    return acceptedAt;
  }

  void pickedUp(long at, double meters) {
    pickedUpAt = at;
    tripMeters = meters;
  }

  public long pickedUpAt() {
    return pickedUpAt;
  }

  /** Length of the route from pick-up to drop-off, metres. */
  public double tripMeters() {
    return tripMeters;
  }

  /** When the rider will cancel a matched trip whose driver is too far away; -1 if the rider waits. */
  public long riderCancelsAt() {
    return riderCancelsAt;
  }

  void riderCancelsAt(long at) {
    riderCancelsAt = at;
  }
}
