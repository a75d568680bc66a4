package org.ridemarket.models.surge;

import java.util.function.DoubleUnaryOperator;

/**
 * The surge label: the multiplier that would have balanced a cell's demand against the drivers
 * who actually served it over the next minutes. Demand at multiplier m is the requests times the
 * riders' accept share A(m); the drivers served a share s of the requests; so the balancing m solves
 * A(m) = s. Fully served demand needs no surge (1.0); demand no multiplier up to the cap can bring
 * down to what was served gets the cap.
 *
 * <p>The served share is shrunk toward "all served" by a prior of {@value #PRIOR} requests, so that
 * one unlucky request in a quiet cell is not a surge.
 */
public final class BalancingMultiplier {

  /** Pseudo-requests, all served, added to every interval. */
  public static final double PRIOR = 2.0;

  private final DoubleUnaryOperator acceptShare;
  private final double cap;

  /** Labels for riders whose accept share at multiplier m is {@code acceptShare}, capped at {@code cap}. */
  public BalancingMultiplier(DoubleUnaryOperator acceptShare, double cap) {
    this.acceptShare = acceptShare;
    this.cap = cap;
  }

  /** The label for {@code requested} requests of which {@code served} got a driver. */
  public double label(int requested, int served) {
    if (served > requested || served < 0) {
      throw new IllegalArgumentException("served " + served + " of " + requested + " requests");
    }
    double share = (served + PRIOR) / (requested + PRIOR);
    if (share >= 1.0) {
      return 1.0;
    }
    if (acceptShare.applyAsDouble(cap) >= share) {
      return cap;
    }
    // A(m) falls monotonically from 1 at m = 1: bisect to well below the model's resolution
    double low = 1.0;
    double high = cap;
    while (high - low > 1e-4) {
      double middle = (low + high) / 2;
      if (acceptShare.applyAsDouble(middle) > share) {
        low = middle;
      } else {
        high = middle;
      }
    }
    return (low + high) / 2;
  }
}
