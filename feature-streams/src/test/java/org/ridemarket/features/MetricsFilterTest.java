package org.ridemarket.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsFilterTest {

  @Test
  void shouldDropThePerStoreNodeAndTopicMetersAndKeepTheRest() {
    // given a registry with the default filter (the config's defaults)
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    registry.config().meterFilter(MetricsFilter.dropping(
        List.of("kafka.stream.state.", "kafka.stream.processor.node.", "kafka.stream.topic."),
        List.of("kafka.stream.state.updater.")));

    // when Kafka Streams' binder and the app register their meters
    for (String name : List.of("kafka.stream.state.size.all.mem.tables", "kafka.stream.processor.node.record.e2e"
        + ".latency.max", "kafka.stream.topic.records.consumed.total", "kafka.stream.state.updater.idle.ratio",
        "kafka.stream.thread.commit.total", "kafka.stream.task.dropped.records.total",
        "kafka.consumer.fetch.manager.records.lag.max", "feature.freshness")) {
      registry.gauge(name, 1.0);
    }

    // then only the per-store, per-node and per-topic ones are left out
    assertThat(registry.getMeters()).extracting(meter -> meter.getId().getName()).containsExactlyInAnyOrder(
        "kafka.stream.state.updater.idle.ratio", "kafka.stream.thread.commit.total",
        "kafka.stream.task.dropped.records.total", "kafka.consumer.fetch.manager.records.lag.max",
        "feature.freshness");
  }

  @Test
  void shouldKeepEveryMeterWithAPrefixThatMatchesNothing() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    registry.config().meterFilter(MetricsFilter.dropping(List.of("none"), List.of()));

    registry.gauge("kafka.stream.state.size.all.mem.tables", 1.0);

    assertThat(registry.getMeters()).hasSize(1);
  }
}
