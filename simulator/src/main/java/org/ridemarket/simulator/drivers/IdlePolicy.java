package org.ridemarket.simulator.drivers;

import org.ridemarket.simulator.city.Point;
import org.ridemarket.simulator.clock.SimClock;

/**
 * What an AVAILABLE driver without a rider does: the seam where drivers start to drift toward
 * busy or surging cells. Asked once per tick per idle driver, on the simulation thread.
 */
@FunctionalInterface
public interface IdlePolicy {

  /** Where the idle driver heads next, or null to keep waiting where it is. */
  Point nextTarget(Driver driver, Point position, SimClock clock);
}
