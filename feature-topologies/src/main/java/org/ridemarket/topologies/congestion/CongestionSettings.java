package org.ridemarket.topologies.congestion;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The knobs of the congestion topology as a plain value, so that tests and replays build the topology
 * without CDI.
 *
 * @param grace how late an event may be behind stream time and still count
 * @param maxFutureSkew event times further ahead of the wall clock are INVALID
 * @param movingSpeedMps a ping counts as a moving driver only above this speed (GPS jitter of a parked
 *     phone reads a few tenths of a metre per second)
 * @param sweepInterval how often, in stream time, every cell's vector is emitted if it changed
 * @param refreshInterval a cell with live windows whose vector did not change is re-emitted this often,
 *     so its Redis hash does not expire while drivers still move there
 * @param idleTimeout a cell without a moving ping or a completed trip for this long (in stream time) is
 *     forgotten, its learned free-flow speed included
 * @param freeFlowHalfLife the free-flow histogram loses half its weight over this long, a day at a time
 * @param freeFlowMinWeight the decayed number of moving pings below which the free-flow speed is unknown
 */
public record CongestionSettings(
    Duration grace,
    Duration maxFutureSkew,
    double movingSpeedMps,
    Duration sweepInterval,
    Duration refreshInterval,
    Duration idleTimeout,
    Duration freeFlowHalfLife,
    double freeFlowMinWeight) {

  /** The longest window (trip speeds over 60 minutes). */
  static final Duration LONGEST_WINDOW = Duration.ofMinutes(60);

  public CongestionSettings {
    if (!(movingSpeedMps >= 0)) {
      throw new IllegalArgumentException("moving-speed-mps must be at least 0, not " + movingSpeedMps);
    }
    if (sweepInterval.isNegative() || sweepInterval.isZero() || refreshInterval.compareTo(sweepInterval) < 0) {
      throw new IllegalArgumentException("need 0 < sweep-interval <= refresh-interval");
    }
    if (idleTimeout.compareTo(LONGEST_WINDOW.plus(grace)) < 0) {
      // an event still accepted after its cell was forgotten must not have belonged in the old windows
      throw new IllegalArgumentException("idle-timeout (" + idleTimeout + ") must be at least the 60-min window"
          + " plus grace (" + grace + ")");
    }
    if (freeFlowHalfLife.isNegative() || freeFlowHalfLife.isZero() || !(freeFlowMinWeight > 0)) {
      throw new IllegalArgumentException("need a positive free-flow half-life and minimum weight");
    }
  }

  /**
   * What a model trained on these features must have been trained with, by name: the settings that change a
   * vector's values (grace, moving threshold, sweep, idle timeout, free-flow decay) and the windows and
   * buckets of the topology's code. The wall-clock skew check and the refresh interval only decide which
   * events are refused and how often an unchanged vector is re-sent, so they are left out: changing them
   * does not make a served vector mean something else.
   */
  public Map<String, String> signatureSettings() {
    Map<String, String> settings = new TreeMap<>(CellCongestion.shape());
    settings.put("congestion.grace", grace.toString());
    settings.put("congestion.moving-speed-mps", Double.toString(movingSpeedMps));
    settings.put("congestion.sweep-interval", sweepInterval.toString());
    settings.put("congestion.idle-timeout", idleTimeout.toString());
    settings.put("congestion.free-flow-half-life", freeFlowHalfLife.toString());
    settings.put("congestion.free-flow-min-weight", Double.toString(freeFlowMinWeight));
    return Collections.unmodifiableMap(settings);
  }

  /**
   * The defaults: 2 minutes of grace (as supply/demand), moving above 0.5 m/s (1.8 km/h), a sweep every
   * 30 s (one bucket), a refresh every 5 minutes, cells forgotten after a week without traffic, a
   * free-flow histogram with a half-life of a week that needs 100 pings' weight.
   */
  public static CongestionSettings defaults() {
    return new CongestionSettings(Duration.ofMinutes(2), Duration.ofHours(1), 0.5, Duration.ofSeconds(30),
        Duration.ofMinutes(5), Duration.ofDays(7), Duration.ofDays(7), 100);
  }
}
