package org.ridemarket.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CliOptionsTest {

  @Test
  void shouldUseTheDocumentedPortsAndStateDirByDefault() {
    // when
    CliOptions options = CliOptions.parse(new String[0]);

    // then
    assertThat(options.settings()).isEqualTo(StackSettings.localRun(Path.of(".stack")));
    assertThat(options.startApps()).isTrue();
    assertThat(options.settings().stateDir()).isEqualTo(Path.of(".stack").toAbsolutePath());
  }

  @Test
  void shouldTakePortsStateDirAndPassTheRestToTheSimulator() {
    // given
    String[] args = {"--no-apps", "--state-dir", "/tmp/s", "--kafka-port", "1", "--kafka-controller-port", "2",
        "--redis-port", "3", "--postgres-port", "4", "--keep-kafka-data", "--", "--speed", "10"};

    // when
    CliOptions options = CliOptions.parse(args);

    // then
    assertThat(options.startApps()).isFalse();
    assertThat(options.appArgs()).containsExactly("--speed", "10");
    StackSettings settings = options.settings();
    assertThat(settings.stateDir()).isEqualTo(Path.of("/tmp/s"));
    assertThat(new int[] {settings.kafkaPort(), settings.kafkaControllerPort(), settings.redisPort(),
        settings.postgresPort()}).containsExactly(1, 2, 3, 4);
    assertThat(settings.keepKafkaData()).isTrue();
  }

  @Test
  void shouldStartNoTraceUiUnlessAskedTo() {
    // when
    CliOptions options = CliOptions.parse(new String[0]);

    // then
    assertThat(options.traces()).isFalse();
    assertThat(options.zipkinPort()).isEqualTo(9411);
  }

  @Test
  void shouldTakeTheTraceUiAndItsPort() {
    // given
    String[] args = {"--traces", "--zipkin-port", "19411", "--", "--speed", "1"};

    // when
    CliOptions options = CliOptions.parse(args);

    // then
    assertThat(options.traces()).isTrue();
    assertThat(options.zipkinPort()).isEqualTo(19411);
    assertThat(options.appArgs()).containsExactly("--speed", "1");
  }

  @Test
  void shouldRejectAnUnknownOption() {
    assertThatThrownBy(() -> CliOptions.parse(new String[] {"--kafka"}))
        .hasMessageContaining("unknown option: --kafka");
  }
}
