package org.ridemarket.simulator.clock;

import java.util.concurrent.locks.LockSupport;

/**
 * Holds the simulation back to a multiple of real time; with an infinite speed it never waits.
 * Wall time only paces the loop, it never reaches an event.
 */
public final class Pacer {

  private final double speed;
  private final long wallStartNanos;

  /** A pacer starting now at {@code speed} times real time ({@code Double.POSITIVE_INFINITY} for max). */
  public Pacer(double speed) {
    if (!(speed > 0)) {
      throw new IllegalArgumentException("speed must be positive: " + speed);
    }
    this.speed = speed;
    this.wallStartNanos = System.nanoTime();
  }

  /** Waits until {@code simElapsedMillis} of simulated time are due in wall time. */
  public void awaitSimTime(long simElapsedMillis) {
    if (Double.isInfinite(speed)) {
      return;
    }
    long dueNanos = wallStartNanos + (long) (simElapsedMillis * 1_000_000.0 / speed);
    long waitNanos;
    while ((waitNanos = dueNanos - System.nanoTime()) > 0) {
      LockSupport.parkNanos(waitNanos);
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
