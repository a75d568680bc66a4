package org.ridemarket.simulator.drivers;

import org.ridemarket.contracts.events.DriverLocationUpdated;
import org.ridemarket.contracts.events.DriverStatus;
import org.ridemarket.contracts.events.GeoPoint;
import org.ridemarket.simulator.city.CellAddresses;
import org.ridemarket.simulator.city.StreetGrid;
import org.ridemarket.simulator.clock.SimClock;
import org.ridemarket.simulator.ids.IdGenerator;
import org.ridemarket.simulator.output.EventEmitter;

/**
 * The driver app's location pings: every 4 simulated seconds per online driver, drivers spread
 * evenly over the interval, plus one OFFLINE ping when a driver leaves.
 */
public final class LocationPings {

  /** Seconds between two pings of one driver. */
  public static final int INTERVAL_SECONDS = 4;

  private final StreetGrid grid;
  private final CellAddresses cells;
  private final IdGenerator ids;
  private final EventEmitter emitter;

  /** Pings positioned through {@code grid}, emitted through {@code emitter}. */
  public LocationPings(StreetGrid grid, CellAddresses cells, IdGenerator ids, EventEmitter emitter) {
    this.grid = grid;
    this.cells = cells;
    this.ids = ids;
    this.emitter = emitter;
  }

  /** True when the driver's ping is due in the current tick. */
  public boolean due(Driver driver, SimClock clock) {
    return (clock.elapsed() / 1000 + driver.index()) % INTERVAL_SECONDS == 0;
  }

  /** Emits the driver's current position, speed, heading and status. */
  public void ping(Driver driver, SimClock clock) {
    double lat = grid.lat(driver.u(), driver.v());
    double lon = grid.lon(driver.u(), driver.v());
    DriverStatus status = driver.status();
    emitter.driverLocation(new DriverLocationUpdated(ids.eventId(), clock.instant(), driver.id(),
        new GeoPoint(lat, lon), cells.cellOf(lat, lon), driver.speedMps(), driver.headingDeg(), status));
  }
}
