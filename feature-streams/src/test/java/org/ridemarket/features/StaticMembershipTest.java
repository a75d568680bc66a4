package org.ridemarket.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.ridemarket.features.congestion.CongestionStreams;
import org.ridemarket.features.redis.FeatureRedisSink;
import org.ridemarket.features.redis.SinkSettings;
import org.junit.jupiter.api.Test;

/**
 * The app's own application.properties, resolved as the app resolves it: an instance id makes every consumer group the
 * app joins static under it, and without one every group is dynamic. The chaos suite shows what it buys: a restart
 * that takes its partitions back without waiting out the killed member's session.
 */
class StaticMembershipTest {

  @Test
  void shouldJoinEveryGroupAsAStaticMemberUnderTheInstanceId() throws IOException {
    SmallRyeConfig config = config(Map.of("FEATURES_INSTANCE_ID", "feature-streams-0"));

    FeaturesConfig features = config.getConfigMapping(FeaturesConfig.class);
    assertThat(features.instanceId()).contains("feature-streams-0");
    // the Quarkus-managed application reads kafka-streams.* as the congestion one does (getOptionalValue)
    Properties streams = CongestionStreams.properties(config, "feature-streams-congestion", "127.0.0.1:9092");
    assertThat(streams).containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "feature-streams-0");
    assertThat(FeatureRedisSink.consumerConfig(sink(features), "127.0.0.1:9092"))
        .containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "feature-streams-0");
  }

  @Test
  void shouldJoinDynamicallyWithoutAnInstanceId() throws IOException {
    SmallRyeConfig config = config(Map.of());

    FeaturesConfig features = config.getConfigMapping(FeaturesConfig.class);
    assertThat(features.instanceId()).isEmpty();
    assertThat(CongestionStreams.properties(config, "feature-streams-congestion", "127.0.0.1:9092"))
        .doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    assertThat(FeatureRedisSink.consumerConfig(sink(features), "127.0.0.1:9092"))
        .doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
  }

  private static SinkSettings sink(FeaturesConfig features) {
    return new SinkSettings("feature-streams-redis-sink", Duration.ofMinutes(30), 500, Duration.ofSeconds(5),
        Duration.ofSeconds(1), features.instanceId());
  }

  /** application.properties, its expressions resolved, with {@code environment} standing in for the process's. */
  private static SmallRyeConfig config(Map<String, String> environment) throws IOException {
    URL properties = StaticMembershipTest.class.getClassLoader().getResource("application.properties");
    return new SmallRyeConfigBuilder()
        .addDefaultInterceptors()
        .withSources(new PropertiesConfigSource(properties, 250))
        .withSources(new PropertiesConfigSource(environment, "environment", 300))
        .withMapping(FeaturesConfig.class)
        .build();
  }
}
