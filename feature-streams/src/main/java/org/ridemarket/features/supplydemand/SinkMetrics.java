package org.ridemarket.features.supplydemand;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import org.ridemarket.contracts.features.SupplyDemandSnapshot;

/**
 * The Redis sink's meters: feature freshness (wall clock at the write minus the vector's event
 * time, for every vector that moved its cell forward), writes by outcome, batch latency, and
 * records that could not be decoded.
 */
final class SinkMetrics {

  private static final String FAMILY = "supply_demand";

  private final Timer freshness;
  private final Timer batches;
  private final Counter applied;
  private final Counter stale;
  private final Counter undecodable;

  SinkMetrics(MeterRegistry registry) {
    this.freshness = Timer.builder("feature_freshness")
        .description("Wall clock at the Redis write minus the event time of the vector written")
        .tag("family", FAMILY)
        .publishPercentiles(0.5, 0.99)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(10))
        .maximumExpectedValue(Duration.ofMinutes(5))
        .register(registry);
    this.batches = Timer.builder("feature_redis_batch")
        .description("Time to write one pipelined batch of vectors to Redis")
        .tag("family", FAMILY)
        .register(registry);
    this.applied = writes(registry, "applied");
    this.stale = writes(registry, "stale");
    this.undecodable = Counter.builder("feature_sink_undecodable")
        .description("Records of the features topic the sink could not decode and skipped")
        .tag("family", FAMILY)
        .register(registry);
  }

  private static Counter writes(MeterRegistry registry, String outcome) {
    return Counter.builder("feature_redis_writes")
        .description("Vectors sent to Redis: applied, or stale (a duplicate or older than the stored one)")
        .tags("family", FAMILY, "outcome", outcome)
        .register(registry);
  }

  void written(int sent, List<SupplyDemandSnapshot> appliedVectors, long wallClockMillis, long batchNanos) {
    batches.record(Duration.ofNanos(batchNanos));
    applied.increment(appliedVectors.size());
    stale.increment(sent - appliedVectors.size());
    for (SupplyDemandSnapshot vector : appliedVectors) {
      long age = wallClockMillis - vector.eventTime();
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
