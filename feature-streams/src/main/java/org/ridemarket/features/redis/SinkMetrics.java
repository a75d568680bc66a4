package org.ridemarket.features.redis;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * A Redis sink's meters, tagged with its feature family: feature freshness (wall clock at the write
 * minus the vector's event time, for every vector that moved its hash forward), writes by outcome,
 * batch latency, and records that could not be decoded.
 */
final class SinkMetrics {

  private final Timer freshness;
  private final Timer batches;
  private final Counter applied;
  private final Counter stale;
  private final Counter undecodable;

  SinkMetrics(MeterRegistry registry, String family) {
    this.freshness = Timer.builder("feature_freshness")
        .description("Wall clock at the Redis write minus the event time of the vector written")
        .tag("family", family)
        .publishPercentiles(0.5, 0.99)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(10))
        .maximumExpectedValue(Duration.ofMinutes(5))
        .register(registry);
    this.batches = Timer.builder("feature_redis_batch")
        .description("Time to write one pipelined batch of vectors to Redis")
        .tag("family", family)
        .register(registry);
    this.applied = writes(registry, family, "applied");
    this.stale = writes(registry, family, "stale");
    this.undecodable = Counter.builder("feature_sink_undecodable")
        .description("Records of the features topic the sink could not decode and skipped")
        .tag("family", family)
        .register(registry);
  }

  private static Counter writes(MeterRegistry registry, String family, String outcome) {
    return Counter.builder("feature_redis_writes")
        .description("Vectors sent to Redis: applied, or stale (a duplicate or older than the stored one)")
        .tags("family", family, "outcome", outcome)
        .register(registry);
  }

  <T> void written(int sent, List<T> appliedVectors, ToLongFunction<T> eventTime, long wallClockMillis,
      long batchNanos) {
    batches.record(Duration.ofNanos(batchNanos));
    applied.increment(appliedVectors.size());
    stale.increment(sent - appliedVectors.size());
    for (T vector : appliedVectors) {
      long age = wallClockMillis - eventTime.applyAsLong(vector);
      // an event time ahead of the wall clock (an accelerated simulation) has no meaningful freshness
      if (age >= 0) {
        freshness.record(Duration.ofMillis(age));
      }
    }
  }

  void undecodable() {
    undecodable.increment();
  }
}
