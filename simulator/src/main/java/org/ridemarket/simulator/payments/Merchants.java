package org.ridemarket.simulator.payments;

import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.ridemarket.simulator.ids.IdGenerator;

/** The merchants that take non-fare payments through the platform (food, gift cards, partners). */
public final class Merchants {

  private final List<String> ids;

  /** {@code count} merchants with ids from {@code idGenerator}. */
  public Merchants(int count, IdGenerator idGenerator) {
    this.ids = IntStream.range(0, count).mapToObj(i -> idGenerator.next("mer_", 10)).toList();
  }

  /** A merchant; low numbers are the popular ones. */
  public String pick(RandomGenerator rng) {
    double u = rng.nextDouble();
    return ids.get((int) (ids.size() * u * u));
  }
}
