package org.ridemarket.loadtest;

import java.util.SplittableRandom;

/**
 * The random source of request {@code n} of stream {@code stream}: a pure function of (seed, stream, n),
 * so that a run asks the same questions however Gatling's event loops interleave its virtual users.
 */
public final class RequestSeeds {

  private RequestSeeds() {
  }

  /** A generator for request {@code n} of stream {@code stream} under {@code seed}. */
  public static SplittableRandom random(long seed, long stream, long n) {
    // Distinct (seed, stream, n) give unrelated generator seeds; SplittableRandom mixes them further.
    long h = seed * 0x9E3779B97F4A7C15L + stream;
    h = h * 0xBF58476D1CE4E5B9L + n;
    return new SplittableRandom(h ^ (h >>> 31));
  }
}
