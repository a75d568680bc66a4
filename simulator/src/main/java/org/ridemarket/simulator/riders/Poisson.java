package org.ridemarket.simulator.riders;

import java.util.random.RandomGenerator;

/** Draws Poisson-distributed counts: exact for small means, a rounded normal for large ones. */
final class Poisson {

  private static final double NORMAL_ABOVE = 40;

  private Poisson() {
  }

  static int sample(double mean, RandomGenerator rng) {
    if (mean <= 0) {
      return 0;
    }
    if (mean > NORMAL_ABOVE) {
      return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * rng.nextGaussian()));
    }
    double limit = Math.exp(-mean);
    double product = rng.nextDouble();
    int count = 0;
    while (product > limit) {
      product *= rng.nextDouble();
      count++;
    }
    return count;
  }
}
