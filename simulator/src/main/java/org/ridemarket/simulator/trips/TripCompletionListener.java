package org.ridemarket.simulator.trips;

import org.ridemarket.simulator.clock.SimClock;

/** Told about every completed trip, right after its COMPLETED event: the payments hook in here. */
@FunctionalInterface
public interface TripCompletionListener {

  /** The trip ended at its drop-off now and costs {@code fareMinor} cents. */
  void tripCompleted(Trip trip, long fareMinor, SimClock clock);
}
