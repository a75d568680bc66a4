package org.ridemarket.topologies.velocity;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.ridemarket.contracts.features.VelocityFeatures;

/**
 * The knobs of the payment velocity topology as a plain value, so that tests and replays build the
 * topology without CDI.
 *
 * @param grace how late a payment may be behind stream time and still count
 * @param maxFutureSkew event times further ahead of the wall clock are INVALID
 * @param idleTimeout an entity without a payment for this long (in stream time) is forgotten
 * @param sweepInterval how often, in stream time, the idle sweep runs
 * @param sweepLimit how many entities one sweep looks at, continuing where the previous one stopped
 */
public record VelocitySettings(
    Duration grace,
    Duration maxFutureSkew,
    Duration idleTimeout,
    Duration sweepInterval,
    int sweepLimit) {

  public VelocitySettings {
    if (idleTimeout.compareTo(VelocityFeatures.THIRTY_DAYS.plus(grace)) < 0) {
      // a payment still accepted after its entity was forgotten must not have belonged in the old windows
      throw new IllegalArgumentException("idle-timeout (" + idleTimeout + ") must be at least the 30-day window"
          + " plus grace (" + grace + ")");
    }
    if (sweepInterval.isNegative() || sweepInterval.isZero() || sweepLimit < 1) {
      throw new IllegalArgumentException("need a positive sweep-interval and sweep-limit");
    }
  }

  /**
   * What a model trained on these features must have been trained with, by name (ADR 0025): the settings that
   * change a vector's values (grace, idle timeout: a forgotten entity starts its running count and average over)
   * and the windows, buckets and distinct-id cap of the topology's code. The wall-clock skew check and the idle
   * sweep's interval and limit are left out: they decide which events are refused and how soon after its idle
   * timeout an entity is found, not what a vector counts.
   */
  public Map<String, String> signatureSettings() {
    Map<String, String> settings = new TreeMap<>(EntityState.shape());
    settings.put("velocity.grace", grace.toString());
    settings.put("velocity.idle-timeout", idleTimeout.toString());
    return Collections.unmodifiableMap(settings);
  }

  /**
   * The defaults: 2 minutes of grace (as supply/demand), entities forgotten after just over 30 days,
   * and a sweep of 10,000 entities per hour of stream time (a few hundred ms of a stream thread's time: a state
   * with the long tiers costs more to decode). With windows of 30 days an entity forgotten an hour late does no
   * harm, while a sweep every minute decoded a store of tens of thousands of entities over and over: in a replay
   * of the handbook's four months, most of the time went there.
   */
  public static VelocitySettings defaults() {
    return new VelocitySettings(Duration.ofMinutes(2), Duration.ofHours(1), Duration.ofDays(30).plusMinutes(5),
        Duration.ofHours(1), 10_000);
  }
}
