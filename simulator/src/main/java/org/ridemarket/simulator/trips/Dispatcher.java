package org.ridemarket.simulator.trips;

import java.util.ArrayList;
import java.util.List;
import org.ridemarket.simulator.clock.SimClock;
import org.ridemarket.simulator.drivers.AvailableDrivers;
import org.ridemarket.simulator.drivers.Driver;
import org.ridemarket.simulator.drivers.DriverMotion;
import org.ridemarket.simulator.riders.RideRequest;

/**
 * Matches waiting requests, oldest first, to the nearest AVAILABLE driver (by driving distance)
 * within a radius; gives up on a request when the rider's patience runs out (RIDER_TIMEOUT) or
 * when no driver turned up for several minutes (NO_DRIVER).
 */
public final class Dispatcher {

  /** Cancel reason: the rider stopped waiting for a match. */
  public static final String RIDER_TIMEOUT = "RIDER_TIMEOUT";
  /** Cancel reason: the platform found no driver in time. */
  public static final String NO_DRIVER = "NO_DRIVER";
  private static final long NO_DRIVER_AFTER_MILLIS = 240_000;

  private final TripLifecycle lifecycle;
  private final AvailableDrivers available;
  private final DriverMotion motion;
  private final double radiusMeters;
  private List<Trip> waiting = new ArrayList<>();

  /** A dispatcher matching within {@code radiusMeters} of driving distance. */
  public Dispatcher(TripLifecycle lifecycle, AvailableDrivers available, DriverMotion motion, double radiusMeters) {
    this.lifecycle = lifecycle;
    this.available = available;
    this.motion = motion;
    this.radiusMeters = radiusMeters;
  }

  /** Announces a new request; it is matched from the next tick on. */
  public void open(RideRequest request, SimClock clock) {
    Trip trip = new Trip(request);
    lifecycle.requested(trip, clock);
    waiting.add(trip);
  }

  /** Requests waiting for a driver. */
  public int waitingCount() {
    return waiting.size();
  }

  /** One matching round: cancels requests that waited too long, matches the others where a driver is near. */
  public void dispatch(SimClock clock) {
    List<Trip> stillWaiting = new ArrayList<>(waiting.size());
    for (Trip trip : waiting) {
      RideRequest request = trip.request();
      long waited = clock.now() - request.requestedAt();
      if (waited >= request.patienceMillis()) {
        lifecycle.cancel(trip, clock, RIDER_TIMEOUT);
      } else if (waited >= NO_DRIVER_AFTER_MILLIS) {
        lifecycle.cancel(trip, clock, NO_DRIVER);
      } else {
        Driver driver = available.nearest(motion.u(request.pickup()), motion.v(request.pickup()), radiusMeters);
        if (driver != null) {
          lifecycle.accept(trip, driver, clock);
        } else {
          stillWaiting.add(trip);
        }
      }
    }
    waiting = stillWaiting;
  }
}
