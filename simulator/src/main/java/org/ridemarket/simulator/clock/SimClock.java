package org.ridemarket.simulator.clock;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * Simulated time: advances in fixed one-second ticks from a configured start, never reads the
 * wall clock, and knows the local time of day that drives demand, congestion and shifts.
 */
public final class SimClock {

  /** Length of one tick in simulated milliseconds. */
  public static final long TICK_MILLIS = 1_000;
  private static final long DAY_SECONDS = 86_400;

  private final long startMillis;
  private final ZoneRules zoneRules;
  private long nowMillis;
  private Instant nowInstant;
  private long localSecondOfDay;

  /** A clock at {@code start}, with local time in {@code zone}. */
  public SimClock(Instant start, ZoneId zone) {
    this.startMillis = start.toEpochMilli();
    this.zoneRules = zone.getRules();
    this.nowMillis = startMillis;
    refresh();
  }

  /** Moves one tick forward. */
  public void advance() {
    nowMillis += TICK_MILLIS;
    refresh();
  }

  /** Now, in epoch milliseconds. */
  public long now() {
    return nowMillis;
  }

  /** Now, as an Instant shared by every event of the tick. */
  public Instant instant() {
    return nowInstant;
  }

  /** Simulated milliseconds since the start. */
  public long elapsed() {
    return nowMillis - startMillis;
  }

  /** The start, in epoch milliseconds. */
  public long start() {
    return startMillis;
  }

  /** Local time of day in hours, 0 (inclusive) to 24 (exclusive). */
  public double hourOfDay() {
    return localSecondOfDay / 3600.0;
  }

  /** Local minute of the day, 0..1439. */
  public int minuteOfDay() {
    return (int) (localSecondOfDay / 60);
  }

  /** True on the first tick of each local minute; work that needs no finer grain runs then. */
  public boolean isMinuteBoundary() {
    return localSecondOfDay % 60 == 0;
  }

  private void refresh() {
    nowInstant = Instant.ofEpochMilli(nowMillis);
    long offset = zoneRules.getOffset(nowInstant).getTotalSeconds();
    localSecondOfDay = Math.floorMod(Math.floorDiv(nowMillis, 1000) + offset, DAY_SECONDS);
  }
}
