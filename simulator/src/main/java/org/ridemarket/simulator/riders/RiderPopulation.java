package org.ridemarket.simulator.riders;

import java.util.List;
import java.util.random.RandomGenerator;
import org.ridemarket.simulator.ids.IdGenerator;

/**
 * The riders of the city. Some ride far more often than others (a few heavy users, a long tail),
 * and a rider with a request in flight does not ask again until it ends.
 */
public final class RiderPopulation {

  private static final double SECOND_CARD_SHARE = 0.3;
  private static final double PRICE_INSENSITIVE_SHARE = 0.05;
  private static final double INSENSITIVE_LIMIT = 10.0;
  // A price-sensitive rider's limit is 1 + SCALE * exp(SIGMA * Z), Z standard normal.
  private static final double LIMIT_SCALE = 0.7;
  private static final double LIMIT_SIGMA = 0.7;
  private static final int PICK_ATTEMPTS = 16;

  private final Rider[] riders;
  private final boolean[] busy;

  /** {@code size} riders with ids and cards from {@code ids}, traits from {@code rng}. */
  public RiderPopulation(int size, IdGenerator ids, RandomGenerator rng) {
    if (size < 1) {
      throw new IllegalArgumentException("at least one rider is needed");
    }
    this.riders = new Rider[size];
    this.busy = new boolean[size];
    for (int i = 0; i < size; i++) {
      String id = ids.next("usr_", 12);
      List<String> cards = rng.nextDouble() < SECOND_CARD_SHARE
          ? List.of(ids.cardFingerprint(), ids.cardFingerprint())
          : List.of(ids.cardFingerprint());
      riders[i] = new Rider(id, cards, ids.next("dev_", 16), maxMultiplier(rng));
    }
  }

  /** Most riders accept a mild surge (median about 1.7x); a few hardly care about price. */
  private static double maxMultiplier(RandomGenerator rng) {
    if (rng.nextDouble() < PRICE_INSENSITIVE_SHARE) {
      return INSENSITIVE_LIMIT;
    }
    return 1.0 + LIMIT_SCALE * Math.exp(LIMIT_SIGMA * rng.nextGaussian());
  }

  /**
   * The share of the population that accepts {@code multiplier} (a rider walks away above their
   * limit): the price response curve, which the surge model's hindsight label inverts to find
   * the multiplier that would have balanced demand against the drivers that served it.
   */
  public static double acceptShare(double multiplier) {
    if (multiplier <= 1.0) {
      return 1.0;
    }
    double insensitive = multiplier <= INSENSITIVE_LIMIT ? PRICE_INSENSITIVE_SHARE : 0.0;
    double z = Math.log((multiplier - 1.0) / LIMIT_SCALE) / LIMIT_SIGMA;
    return insensitive + (1 - PRICE_INSENSITIVE_SHARE) * 0.5 * erfc(z / Math.sqrt(2));
  }

  // Complementary error function, fractional error below 1.2e-7 (Chebyshev fit, Numerical Recipes 6.2).
  private static double erfc(double x) {
    double z = Math.abs(x);
    double t = 1.0 / (1.0 + 0.5 * z);
    double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
        + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
        + t * (-0.82215223 + t * 0.17087277)))))))));
    return x >= 0 ? r : 2.0 - r;
  }

  /** Number of riders. */
  public int size() {
    return riders.length;
  }

  /** Rider number {@code index}. */
  public Rider get(int index) {
    return riders[index];
  }

  /** The index of a rider without a request in flight, heavy users more likely; -1 if none was found. */
  public int pickIdle(RandomGenerator rng) {
    for (int attempt = 0; attempt < PICK_ATTEMPTS; attempt++) {
      double u = rng.nextDouble();
      int index = (int) (riders.length * u * u);
      if (!busy[index]) {
        return index;
      }
    }
    return -1;
  }

  /** Any rider, uniformly; for choosing fraud victims among all riders. */
  public int pickAny(RandomGenerator rng) {
    return rng.nextInt(riders.length);
  }

  /** Marks a rider as having (or no longer having) a request in flight. */
  public void setBusy(int index, boolean value) {
    busy[index] = value;
  }
}
