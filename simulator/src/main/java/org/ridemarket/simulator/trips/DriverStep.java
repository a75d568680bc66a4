package org.ridemarket.simulator.trips;

import java.util.random.RandomGenerator;
import org.ridemarket.simulator.city.Point;
import org.ridemarket.simulator.clock.SimClock;
import org.ridemarket.simulator.drivers.AvailableDrivers;
import org.ridemarket.simulator.drivers.Driver;
import org.ridemarket.simulator.drivers.DriverMotion;
import org.ridemarket.simulator.drivers.IdlePolicy;

/**
 * What one online driver does in one tick: an idle driver waits, cruises or repositions; a driver
 * en route drives to the pickup and waits for the rider to board; a driver on trip drives to the
 * drop-off. Arrivals move the trip to its next step.
 */
public final class DriverStep {

  /** Cancel reason: the rider cancelled after the match (the driver was too far away). */
  public static final String RIDER_CANCELLED = "RIDER_CANCELLED";
  private static final int MIN_BOARDING_MILLIS = 15_000;
  private static final int EXTRA_BOARDING_MILLIS = 75_000;

  private final TripLifecycle lifecycle;
  private final AvailableDrivers available;
  private final DriverMotion motion;
  private final IdlePolicy idlePolicy;
  private final RandomGenerator rng;

  /** Steps drivers with this lifecycle, index, motion and idle behaviour. */
  public DriverStep(TripLifecycle lifecycle, AvailableDrivers available, DriverMotion motion, IdlePolicy idlePolicy,
      RandomGenerator rng) {
    this.lifecycle = lifecycle;
    this.available = available;
    this.motion = motion;
    this.idlePolicy = idlePolicy;
    this.rng = rng;
  }

  /** Advances one online driver by one tick. */
  public void step(Driver driver, SimClock clock) {
    switch (driver.status()) {
      case AVAILABLE -> idle(driver, clock);
      case EN_ROUTE -> toPickup(driver, clock);
      case ON_TRIP -> {
        if (motion.move(driver, clock.hourOfDay())) {
          lifecycle.complete(lifecycle.tripOf(driver), clock);
        }
      }
      default -> {
      }
    }
  }

  private void idle(Driver driver, SimClock clock) {
    if (driver.route() != null) {
      motion.move(driver, clock.hourOfDay());
      available.update(driver);
      return;
    }
    Point target = idlePolicy.nextTarget(driver, motion.positionOf(driver), clock);
    if (target != null) {
      driver.follow(motion.routeTo(driver, target));
    }
  }

  private void toPickup(Driver driver, SimClock clock) {
    Trip trip = lifecycle.tripOf(driver);
    if (trip.riderCancelsAt() >= 0 && clock.now() >= trip.riderCancelsAt()) {
      lifecycle.cancel(trip, clock, RIDER_CANCELLED);
    } else if (driver.route() != null) {
      if (motion.move(driver, clock.hourOfDay())) {
        driver.waitUntil(clock.now() + MIN_BOARDING_MILLIS + rng.nextInt(EXTRA_BOARDING_MILLIS));
      }
    } else if (clock.now() >= driver.waitUntil()) {
      lifecycle.pickUp(trip, clock);
    }
  }
}
