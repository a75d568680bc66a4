package org.ridemarket.simulator.drivers;

import java.util.List;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.ridemarket.contracts.events.DriverStatus;
import org.ridemarket.simulator.city.DemandMap;
import org.ridemarket.simulator.city.Point;
import org.ridemarket.simulator.clock.SimClock;
import org.ridemarket.simulator.ids.IdGenerator;

/**
 * The drivers and their shifts: once a simulated minute, drivers whose shift starts come online
 * where riders are likely to be, and drivers whose shift ends go offline (after the current trip).
 */
public final class DriverFleet {

  private final List<Driver> drivers;
  private final AvailableDrivers available;
  private final DriverMotion motion;
  private final DemandMap demand;
  private final RandomGenerator rng;
  private int online;

  /** {@code count} drivers with ids from {@code ids}, shifts and traits from {@code rng}. */
  public DriverFleet(int count, IdGenerator ids, AvailableDrivers available, DriverMotion motion, DemandMap demand,
      RandomGenerator rng) {
    Driver[] created = new Driver[count];
    for (int i = 0; i < count; i++) {
      created[i] = new Driver(i, ids.next("drv_", 12), Shift.draw(rng), 0.85 + 0.3 * rng.nextDouble());
    }
    this.drivers = List.of(created);
    this.available = available;
    this.motion = motion;
    this.demand = demand;
    this.rng = rng;
  }

  /** Every driver, online or not, by index. */
  public List<Driver> drivers() {
    return drivers;
  }

  /** Drivers currently online. */
  public int online() {
    return online;
  }

  /** Starts and ends shifts on minute boundaries (and on the first tick); {@code offline} gets each leaver. */
  public void updateShifts(SimClock clock, boolean firstTick, Consumer<Driver> offline) {
    if (!firstTick && !clock.isMinuteBoundary()) {
      return;
    }
    int minute = clock.minuteOfDay();
    for (Driver driver : drivers) {
      boolean onShift = driver.shift().covers(minute);
      if (onShift && !driver.online()) {
        comeOnline(driver, clock);
      } else if (!onShift && driver.online() && !driver.leavingAfterTrip()) {
        if (driver.status() == DriverStatus.AVAILABLE) {
          goOffline(driver, offline);
        } else {
          driver.leavingAfterTrip(true);
        }
      }
    }
  }

  /** Takes a driver off the road now. */
  public void goOffline(Driver driver, Consumer<Driver> offline) {
    driver.status(DriverStatus.OFFLINE);
    driver.leavingAfterTrip(false);
    driver.placeAt(driver.u(), driver.v());
    available.update(driver);
    online--;
    offline.accept(driver);
  }

  private void comeOnline(Driver driver, SimClock clock) {
    Point start = demand.samplePickup(demand.sampleCell(clock.hourOfDay(), rng), clock.hourOfDay(), rng);
    driver.placeAt(motion.u(start), motion.v(start));
    driver.status(DriverStatus.AVAILABLE);
    available.update(driver);
    online++;
  }
}
