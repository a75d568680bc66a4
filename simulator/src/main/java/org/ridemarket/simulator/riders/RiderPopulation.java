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
      return 10.0;
    }
    return 1.0 + 0.7 * Math.exp(0.7 * rng.nextGaussian());
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
