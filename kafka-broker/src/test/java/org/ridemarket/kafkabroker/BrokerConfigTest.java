package org.ridemarket.kafkabroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BrokerConfigTest {

  @Test
  void shouldListenOnLoopbackOnlyWithTheGivenPorts() {
    // given
    BrokerOptions options = BrokerOptions.parse(new String[] {
        "--data-dir", "/tmp/broker", "--port", "19092", "--controller-port", "19093"});

    // when
    Properties properties = new BrokerConfig(options).properties();

    // then
    assertThat(properties.getProperty("listeners"))
        .isEqualTo("PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093");
    assertThat(properties.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:19092");
    assertThat(properties.getProperty("controller.quorum.voters")).isEqualTo("1@127.0.0.1:19093");
    assertThat(properties.getProperty("log.dirs")).isEqualTo("/tmp/broker/kraft-logs");
  }

  @Test
  void shouldBeASingleNodeClusterThatCreatesNoTopicsByItself() {
    // given
    BrokerOptions options = new BrokerOptions(Path.of("/tmp/broker"), 1, 2, false);

    // when
    Properties properties = new BrokerConfig(options).properties();

    // then
    assertThat(properties)
        .containsEntry("process.roles", "broker,controller")
        .containsEntry("auto.create.topics.enable", "false")
        .containsEntry("offsets.topic.replication.factor", "1")
        .containsEntry("transaction.state.log.replication.factor", "1")
        .containsEntry("min.insync.replicas", "1")
        .containsEntry("group.initial.rebalance.delay.ms", "0");
  }

  @Test
  void shouldWatchStdinOnlyWhenAsked() {
    // given
    String[] base = {"--data-dir", "d", "--port", "1", "--controller-port", "2"};
    String[] watched = {"--data-dir", "d", "--port", "1", "--controller-port", "2",
        BrokerOptions.EXIT_ON_STDIN_EOF};

    // when / then
    assertThat(BrokerOptions.parse(base).exitOnStdinEof()).isFalse();
    assertThat(BrokerOptions.parse(watched).exitOnStdinEof()).isTrue();
  }

  @Test
  void shouldNameTheMissingOption() {
    // given
    String[] args = {"--data-dir", "d", "--port", "1"};

    // when / then
    assertThatThrownBy(() -> BrokerOptions.parse(args))
        .hasMessageContaining("--controller-port");
  }

  @Test
  void shouldTakeBrokerPropertiesFromPrefixedSystemProperties() {
    // given
    BrokerOptions options = new BrokerOptions(Path.of("/tmp/broker"), 1, 2, false);
    System.setProperty(BrokerConfig.OVERRIDE_PREFIX + "log.retention.check.interval.ms", "1000");
    System.setProperty(BrokerConfig.OVERRIDE_PREFIX + "num.partitions", "3");
    try {
      // when
      Properties properties = new BrokerConfig(options).properties();

      // then
      assertThat(properties)
          .containsEntry("log.retention.check.interval.ms", "1000")
          .containsEntry("num.partitions", "3");
    } finally {
      System.clearProperty(BrokerConfig.OVERRIDE_PREFIX + "log.retention.check.interval.ms");
      System.clearProperty(BrokerConfig.OVERRIDE_PREFIX + "num.partitions");
    }
  }
}
