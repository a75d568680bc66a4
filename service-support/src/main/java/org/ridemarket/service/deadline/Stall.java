package org.ridemarket.service.deadline;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether a dependency has stopped answering: something has waited on it for longer than {@code after}
 * and nothing it was asked has come back since. A paused PostgreSQL or Redis accepts requests on its
 * open sockets and answers none; without this every caller would wait out its whole deadline, and under
 * a steady load the waiting requests pile up until the answers themselves come late. While a dependency
 * is stalled its callers skip it at once: a degraded answer where the policy allows one, a fast 503
 * where it does not. One caller per stall duration is let through as a probe, so a dependency that comes
 * back is found by the next probe even when the calls it was stuck on never return; its first answer
 * (or the last outstanding call ending, by its own timeout) ends the stall.
 *
 * <p>A few counters and timestamps, no per-call bookkeeping: {@link #begin()} and {@link #end} around
 * every call (an {@code end(answered)} for every {@code begin()}, also when sending fails), {@link #skip()} before
 * one. Races between them only move the edge by one call.
 */
public final class Stall {

  private final long afterNanos;
  private final AtomicInteger outstanding = new AtomicInteger();
  private volatile long busySince;
  private volatile long lastAnswer;
  private final AtomicLong lastProbe = new AtomicLong();

  /** A dependency counted stalled once it has answered nothing for {@code after} while asked something. */
  public Stall(Duration after) {
    if (after.isNegative() || after.isZero()) {
      throw new IllegalArgumentException("a stall needs a positive duration, not " + after);
    }
    this.afterNanos = after.toNanos();
    long now = System.nanoTime();
    this.busySince = now;
    this.lastAnswer = now;
    this.lastProbe.set(now);
  }

  /** A call is sent. */
  public void begin() {
    if (outstanding.getAndIncrement() == 0) {
      busySince = System.nanoTime();
    }
  }

  /**
   * A call ended: {@code answered} when the dependency answered it (a result, or an error it sent or a
   * connection it closed), false when the client gave up on it (its own command timeout). Only an answer
   * ends a stall: a stalled dependency's calls time out one after another, and each is not a sign of life.
   */
  public void end(boolean answered) {
    if (answered) {
      lastAnswer = System.nanoTime();
    }
    outstanding.decrementAndGet();
  }

  /** Whether something has waited longer than the stall duration with no answer since. */
  public boolean stalled() {
    return silence() > afterNanos;
  }

  /**
   * Whether this caller should skip the dependency: it is stalled, and this caller is not the one let
   * through as a probe in this stall duration.
   */
  public boolean skip() {
    if (!stalled()) {
      return false;
    }
    long now = System.nanoTime();
    long probe = lastProbe.get();
    return now - probe <= afterNanos || !lastProbe.compareAndSet(probe, now);
  }

  /** How long the dependency has been silent while asked (zero when nothing is outstanding). */
  public Duration silent() {
    return Duration.ofNanos(Math.max(0, silence()));
  }

  private long silence() {
    if (outstanding.get() <= 0) {
      return 0;
    }
    long answer = lastAnswer;
    long busy = busySince;
    long since = answer - busy > 0 ? answer : busy;
    return System.nanoTime() - since;
  }
}
