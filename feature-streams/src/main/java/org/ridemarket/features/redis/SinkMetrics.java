package org.ridemarket.features.redis;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.ToLongFunction;

/**
 * A Redis sink's meters, tagged with its feature family: feature freshness (wall clock at the write minus the
 * vector's event time, for every vector that moved its hash forward, here or in the early writer), writes by
 * outcome, batch latency, and records that could not be decoded.
 */
final class SinkMetrics {

  private final Timer freshness;
  private final Timer batches;
  private final Counter applied;
  private final Counter confirmed;
  private final Counter stale;
  private final Counter undecodable;

  SinkMetrics(MeterRegistry registry, String family) {
    this.freshness = freshness(registry, family);
    this.batches = Timer.builder("feature_redis_batch")
        .description("Time to write one pipelined batch of vectors to Redis")
        .tag("family", family)
        .register(registry);
    this.applied = writes(registry, family, "applied");
    this.confirmed = writes(registry, family, "confirmed");
    this.stale = writes(registry, family, "stale");
    this.undecodable = Counter.builder("feature_sink_undecodable")
        .description("Records of the features topic the sink could not decode and skipped")
        .tag("family", family)
        .register(registry);
  }

  /**
   * The family's freshness timer, shared by its sink and its early writer: each vector is timed once, by the
   * write that first made it visible.
   */
  static Timer freshness(MeterRegistry registry, String family) {
    return Timer.builder("feature_freshness")
        .description("Wall clock at the Redis write minus the event time of the vector written")
        .tag("family", family)
        .publishPercentiles(0.5, 0.99)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(10))
        .maximumExpectedValue(Duration.ofMinutes(5))
        .register(registry);
  }

  /** Records the age of a vector with event time {@code eventTime} that became visible at {@code wallClockMillis}. */
  static void recordAge(Timer freshness, long wallClockMillis, long eventTime) {
    long age = wallClockMillis - eventTime;
    // an event time ahead of the wall clock (an accelerated simulation) has no meaningful freshness
    if (age >= 0) {
      freshness.record(Duration.ofMillis(age));
    }
  }

  private static Counter writes(MeterRegistry registry, String family, String outcome) {
    return Counter.builder("feature_redis_writes")
        .description("Committed vectors sent to Redis: applied, confirmed (replaced the early copy of the same"
            + " event time), or stale (a duplicate or older than the stored one)")
        .tags("family", family, "outcome", outcome)
        .register(registry);
  }

  <T> void written(int sent, ForwardOnlyRedisWriter.Writes<T> writes, ToLongFunction<T> eventTime,
      long wallClockMillis, long batchNanos) {
    batches.record(Duration.ofNanos(batchNanos));
    applied.increment(writes.applied().size());
    confirmed.increment(writes.confirmed().size());
    stale.increment(sent - writes.applied().size() - writes.confirmed().size());
    // a confirmed vector was timed by its early write
    for (T vector : writes.applied()) {
      recordAge(freshness, wallClockMillis, eventTime.applyAsLong(vector));
    }
  }

  void undecodable() {
    undecodable.increment();
  }
}
