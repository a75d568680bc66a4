package org.ridemarket.simulator.fraud;

import java.util.random.RandomGenerator;

/** The last few hundred legitimate payments, where impossible-travel fraud finds a card just used in the city. */
public final class RecentPayments {

  /** A legitimate payment: card, user, place and time. */
  public record Recent(String cardFingerprint, String userId, double lat, double lon, long at) {
  }

  private final Recent[] ring;
  private int next;
  private int size;

  /** Remembers the last {@code capacity} payments. */
  public RecentPayments(int capacity) {
    this.ring = new Recent[capacity];
  }

  /** Remembers a payment, forgetting the oldest when full. */
  public void add(Recent payment) {
    ring[next] = payment;
    next = (next + 1) % ring.length;
    size = Math.min(size + 1, ring.length);
  }

  /** True before the first payment. */
  public boolean isEmpty() {
    return size == 0;
  }

  /** One of the {@code latest} most recent payments, uniformly. */
  public Recent pick(int latest, RandomGenerator rng) {
    if (size == 0) {
      throw new IllegalStateException("no payment yet");
    }
    return ring[Math.floorMod(next - 1 - rng.nextInt(Math.min(latest, size)), ring.length)];
  }
}
