package org.ridemarket.features;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class StreamsLoopTest {

  private static final Duration FLUSH = Duration.ofMillis(50);

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
    Properties streams = new Properties();
    streams.setProperty("commit.interval.ms", "10");

    assertThatThrownBy(() -> StreamsLoop.check(streams, FLUSH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kafka-streams.poll.ms (100)")
        .hasMessageContaining("kafka-streams.commit.interval.ms (10)");
  }

  @Test
  void shouldRefuseAPollLongerThanTheFlush() {
    Properties streams = new Properties();
    streams.setProperty("commit.interval.ms", "100");
    streams.setProperty("poll.ms", "80");

    assertThatThrownBy(() -> StreamsLoop.check(streams, FLUSH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("features.flush-interval (50 ms)");
  }

  @Test
  void shouldNameASettingThatIsNoNumber() {
    Properties streams = new Properties();
    streams.setProperty("poll.ms", "10ms");

    assertThatThrownBy(() -> StreamsLoop.check(streams, FLUSH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kafka-streams.poll.ms");
  }
}
