package org.ridemarket.simulator.drivers;

import org.ridemarket.simulator.clock.SimClock;

/**
 * The surge multipliers drivers see on their app's map, per city cell: the seam through which
 * live prices pull idle drivers toward surging cells. Asked on the simulation thread only.
 */
public interface SurgeMap {

  /** No surge anywhere: every cell shows 1.0 and nothing is ever fetched. */
  SurgeMap NONE = new SurgeMap() {

    @Override
    public void refresh(SimClock clock) {
    }

    @Override
    public double multiplier(int cell) {
      return 1.0;
    }
  };

  /**
   * Called at the start of every tick; an implementation that fetches the map does so at most once
   * per its refresh period of simulated time, and keeps the last map when a fetch fails.
   */
  void refresh(SimClock clock);

  /** The multiplier shown for city cell {@code cell} (a {@code CityCells} index); 1.0 means no surge. */
  double multiplier(int cell);
}
