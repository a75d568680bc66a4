package org.ridemarket.simulator.fraud;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.ridemarket.contracts.events.FraudPattern;

/**
 * Chooses the pattern of the next episode: a shuffled bag refilled when empty, so every pattern
 * occurs within each round of episodes and the mix holds even in short runs.
 */
public final class PatternBag {

  /** One round of episodes; impossible travel episodes are short, so there are more of them. */
  static final List<FraudPattern> ROUND = List.of(
      FraudPattern.CARD_TESTING, FraudPattern.STOLEN_CARD_BURST, FraudPattern.ACCOUNT_TAKEOVER,
      FraudPattern.IMPOSSIBLE_TRAVEL, FraudPattern.IMPOSSIBLE_TRAVEL, FraudPattern.FRAUD_RING);

  private final RandomGenerator rng;
  private final List<FraudPattern> bag = new ArrayList<>();

  /** A bag shuffled with {@code rng}. */
  public PatternBag(RandomGenerator rng) {
    this.rng = rng;
  }

  /** The next pattern. */
  public FraudPattern next() {
    if (bag.isEmpty()) {
      bag.addAll(ROUND);
      for (int i = bag.size() - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        FraudPattern swap = bag.get(i);
        bag.set(i, bag.get(j));
        bag.set(j, swap);
      }
    }
    return bag.remove(bag.size() - 1);
  }
}
