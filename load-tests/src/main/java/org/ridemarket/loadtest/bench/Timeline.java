package org.ridemarket.loadtest.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Named phases of a load, one after the other (warm-up, measured; or steady, PostgreSQL paused, ...).
 * A request belongs to the phase in which it was due, whenever it was answered, so a request held
 * through a pause counts against the phase that sent it.
 */
public final class Timeline {

  private final List<String> names = new ArrayList<>();
  private final List<Long> endNanos = new ArrayList<>();
  private long total;

  /** Appends a phase {@code length} long; empty phases are skipped. */
  public Timeline then(String name, Duration length) {
    if (length.isNegative()) {
      throw new IllegalArgumentException(name + ": negative length " + length);
    }
    if (!length.isZero()) {
      total += length.toNanos();
      names.add(name);
      endNanos.add(total);
    }
    return this;
  }

  /** The phases in order. */
  public List<String> names() {
    return List.copyOf(names);
  }

  /** Length of the whole timeline. */
  public Duration total() {
    return Duration.ofNanos(total);
  }

  /** Where phase {@code name} starts, from the timeline's start. */
  public Duration startOf(String name) {
    int index = names.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("no phase " + name + " in " + names);
    }
    return Duration.ofNanos(index == 0 ? 0 : endNanos.get(index - 1));
  }

  /** The phase a request due {@code offsetNanos} after the start belongs to (the last one past the end). */
  public String phaseAt(long offsetNanos) {
    for (int i = 0; i < names.size(); i++) {
      if (offsetNanos < endNanos.get(i)) {
        return names.get(i);
      }
    }
    if (names.isEmpty()) {
      throw new IllegalStateException("an empty timeline has no phases");
    }
    return names.get(names.size() - 1);
  }

  /** Number of requests at {@code ratePerSecond} over the whole timeline. */
  public int requestsAt(int ratePerSecond) {
    return Math.toIntExact(Math.multiplyExact(total, (long) ratePerSecond) / 1_000_000_000L);
  }
}
