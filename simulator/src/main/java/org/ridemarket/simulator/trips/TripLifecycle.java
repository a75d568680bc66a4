package org.ridemarket.simulator.trips;

import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.ridemarket.contracts.events.DriverStatus;
import org.ridemarket.contracts.events.TripEventType;
import org.ridemarket.simulator.clock.SimClock;
import org.ridemarket.simulator.drivers.AvailableDrivers;
import org.ridemarket.simulator.drivers.Driver;
import org.ridemarket.simulator.drivers.DriverFleet;
import org.ridemarket.simulator.drivers.DriverMotion;
import org.ridemarket.simulator.riders.RiderPopulation;

/**
 * The steps of a trip and what each does to the driver, the rider and the event streams:
 * REQUESTED, ACCEPTED, PICKED_UP, COMPLETED or CANCELLED.
 */
public final class TripLifecycle {

  private static final double FAR_PICKUP_METERS = 2_500;
  private static final double FAR_PICKUP_CANCEL_SHARE = 0.35;

  private final Trip[] tripOfDriver;
  private final TripEvents events;
  private final DriverFleet fleet;
  private final AvailableDrivers available;
  private final DriverMotion motion;
  private final RiderPopulation riders;
  private final TripCompletionListener completions;
  private final Consumer<Driver> offlinePing;
  private final RandomGenerator rng;
  private final TripStats stats = new TripStats(RequestWindow.ALL);
  private final TripStats windowStats;

  /**
   * The lifecycle of the fleet's trips; {@code offlinePing} announces drivers who end their shift at a drop-off, and
   * the requests made in {@code reportWindow} are also counted on their own.
   */
  public TripLifecycle(TripEvents events, DriverFleet fleet, AvailableDrivers available, DriverMotion motion,
      RiderPopulation riders, TripCompletionListener completions, Consumer<Driver> offlinePing,
      RequestWindow reportWindow, RandomGenerator rng) {
    this.tripOfDriver = new Trip[fleet.drivers().size()];
    this.events = events;
    this.fleet = fleet;
    this.available = available;
    this.motion = motion;
    this.riders = riders;
    this.completions = completions;
    this.offlinePing = offlinePing;
    this.rng = rng;
    this.windowStats = new TripStats(reportWindow);
  }

  /** Market counts so far. */
  public TripStats stats() {
    return stats;
  }

  /** Market counts so far of the requests made in the report window. */
  public TripStats windowStats() {
    return windowStats;
  }

  /** The trip a driver is serving, or null. */
  public Trip tripOf(Driver driver) {
    return tripOfDriver[driver.index()];
  }

  void requested(Trip trip, SimClock clock) {
    count(counts -> counts.requested(trip.request().requestedAt()));
    events.requested(trip, clock);
  }

  void accept(Trip trip, Driver driver, SimClock clock) {
    trip.accepted(driver, clock.now());
    tripOfDriver[driver.index()] = trip;
    driver.status(DriverStatus.EN_ROUTE);
    driver.follow(motion.routeTo(driver, trip.request().pickup()));
    available.update(driver);
    count(counts -> counts.accepted(trip.request().requestedAt()));
    events.step(trip, TripEventType.ACCEPTED, clock);
    if (driver.route().length() > FAR_PICKUP_METERS && rng.nextDouble() < FAR_PICKUP_CANCEL_SHARE) {
      trip.riderCancelsAt(clock.now() + 30_000 + rng.nextInt(120_000));
    }
  }

  void pickUp(Trip trip, SimClock clock) {
    Driver driver = trip.driver();
    driver.status(DriverStatus.ON_TRIP);
    driver.follow(motion.routeTo(driver, trip.request().dropoff()));
    trip.pickedUp(clock.now(), driver.route().length());
    count(counts -> counts.pickedUp(trip.request().requestedAt(), clock.now() - trip.request().requestedAt()));
    events.step(trip, TripEventType.PICKED_UP, clock);
  }

  void complete(Trip trip, SimClock clock) {
    double seconds = (clock.now() - trip.pickedUpAt()) / 1000.0;
    long fare = Tariff.fareMinor(trip.request().product(), trip.tripMeters(), seconds, trip.request().multiplier());
    count(counts -> counts.completed(trip.request().requestedAt(), seconds, trip.tripMeters()));
    events.completed(trip, clock, seconds, trip.tripMeters(), fare);
    release(trip);
    completions.tripCompleted(trip, fare, clock);
  }

  void cancel(Trip trip, SimClock clock, String reason) {
    count(counts -> counts.cancelled(trip.request().requestedAt(), reason));
    events.cancelled(trip, clock, reason);
    release(trip);
  }

  private void count(Consumer<TripStats> step) {
    step.accept(stats);
    step.accept(windowStats);
  }

  private void release(Trip trip) {
    riders.setBusy(trip.request().riderIndex(), false);
    Driver driver = trip.driver();
    if (driver == null) {
      return;
    }
    tripOfDriver[driver.index()] = null;
    driver.placeAt(driver.u(), driver.v());
    if (driver.leavingAfterTrip()) {
      fleet.goOffline(driver, offlinePing);
    } else {
      driver.status(DriverStatus.AVAILABLE);
      available.update(driver);
    }
  }
}
