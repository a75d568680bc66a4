package org.ridemarket.simulator.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * Holds the simulation back to a multiple of real time; with an infinite speed it never waits.
 * Wall time only paces the loop, it never reaches an event.
 */
public final class Pacer {

  static final long LIVE_WINDOW_SECONDS = 60;

  private final double speed;
  private final long wallStartNanos;
  private boolean live;
  private long anchorNanos;

  /** A pacer starting now at {@code speed} times real time ({@code Double.POSITIVE_INFINITY} for max). */
  public Pacer(double speed) {
    if (!(speed > 0)) {
      throw new IllegalArgumentException("speed must be positive: " + speed);
    }
    this.speed = speed;
    this.wallStartNanos = System.nanoTime();
  }

  /**
   * A pacer for a simulation starting at {@code simStart}. At real-time speed with a start within
   * {@value #LIVE_WINDOW_SECONDS} s of the wall clock (e.g. {@code --start now}) it runs live: an
   * event's time is the wall time it is emitted at, catching up first on the seconds the process
   * spent starting. Otherwise it paces from now, as {@link #Pacer(double)}.
   */
  public Pacer(double speed, Instant simStart, Instant wallNow) {
    this(speed);
    this.live = speed == 1.0 && Math.abs(Duration.between(wallNow, simStart).toSeconds()) <= LIVE_WINDOW_SECONDS;
    if (live) {
      this.anchorNanos = wallStartNanos + Duration.between(wallNow, simStart).toNanos();
    }
  }

  /** True if simulated time is the wall clock. */
  public boolean live() {
    return live;
  }

  /** Waits until {@code simElapsedMillis} of simulated time are due in wall time. */
  public void awaitSimTime(long simElapsedMillis) {
    if (Double.isInfinite(speed)) {
      return;
    }
    long dueNanos = (live ? anchorNanos : wallStartNanos) + (long) (simElapsedMillis * 1_000_000.0 / speed);
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
