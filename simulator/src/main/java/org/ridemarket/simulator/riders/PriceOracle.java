package org.ridemarket.simulator.riders;

/**
 * The price a rider is quoted before requesting: the seam for the closed loop, where a live
 * pricing service answers and riders react to surge. Called on the simulation thread, in order.
 */
@FunctionalInterface
public interface PriceOracle {

  /** No surge: every quote is 1.0. */
  PriceOracle FLAT = request -> 1.0;

  /** The surge multiplier (1.0 = no surge) quoted for this request. */
  double multiplierFor(QuoteRequest request);
}
