package org.ridemarket.features;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.ridemarket.topologies.supplydemand.SupplyDemandSettings;

class StreamsLoopTest {

  private static final Duration FLUSH = SupplyDemandSettings.DEFAULT_FLUSH_INTERVAL;

  @Test
  void shouldAcceptTheAppsOwnSettings() throws IOException {
    Properties streams = new Properties();
    Properties app = new Properties();
    try (InputStream in = StreamsLoopTest.class.getResourceAsStream("/application.properties")) {
      app.load(in);
    }
    app.stringPropertyNames().stream().filter(name -> name.startsWith("kafka-streams."))
        .forEach(name -> streams.setProperty(name.substring("kafka-streams.".length()), app.getProperty(name)));

    assertThatCode(() -> StreamsLoop.check(streams, FLUSH)).doesNotThrowAnyException();
  }

  @Test
  void shouldRefuseKafkaStreamsDefaultPollUnderAShorterCommitInterval() {
    assertRefused(Map.of("commit.interval.ms", "10"),
        "kafka-streams.poll.ms (100)", "kafka-streams.commit.interval.ms (10)");
  }

  @Test
  void shouldRefuseAPollLongerThanTheFlush() {
    assertRefused(Map.of("commit.interval.ms", "100", "poll.ms", "80"),
        "features.flush-interval (" + FLUSH.toMillis() + " ms)");
  }

  @Test
  void shouldNameASettingThatIsNoNumber() {
    assertRefused(Map.of("poll.ms", "10ms"), "kafka-streams.poll.ms");
  }

  private static void assertRefused(Map<String, String> settings, String... named) {
    Properties streams = new Properties();
    streams.putAll(settings);

    assertThatThrownBy(() -> StreamsLoop.check(streams, FLUSH))
        .isInstanceOf(IllegalArgumentException.class)
        .message().contains(named);
  }
}
