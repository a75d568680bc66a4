package org.ridemarket.features;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Leaves the meters whose names start with one of {@link FeaturesConfig#droppedMeters()} (and with none of
 * {@link FeaturesConfig#keptMeters()}) out of every registry.
 * Kafka Streams registers meters per state store, per processor node and per topic and node; with Micrometer's
 * Kafka binder they were most of feature-streams' series and much of the CPU of every scrape
 * (docs/benchmarks/2026-12-06-console-polls.md). The per-thread, per-task and per-client meters stay.
 */
@Singleton
public class MetricsFilter {

  @Produces
  @Singleton
  MeterFilter droppedMeters(FeaturesConfig config) {
    return dropping(config.droppedMeters(), config.keptMeters());
  }

  /** A filter denying the meters whose names start with one of {@code dropped} and with none of {@code kept}. */
  static MeterFilter dropping(List<String> dropped, List<String> kept) {
    List<String> drop = List.copyOf(dropped);
    List<String> keep = List.copyOf(kept);
    return new MeterFilter() {
      @Override
      public MeterFilterReply accept(Meter.Id id) {
        String name = id.getName();
        return drop.stream().anyMatch(name::startsWith) && keep.stream().noneMatch(name::startsWith)
            ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
      }
    };
  }
}
