package org.ridemarket.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ridemarket.simulator.SimulatorConfig;
import org.ridemarket.simulator.fraud.LabelDelay;

class CommandLineTest {

  // Two levels down, so that the Uber candidates ("../shared", "../../shared") stay inside the temp dir.
  @TempDir
  Path tempDir;
  Path emptyDir;

  @BeforeEach
  void createEmptyDir() throws IOException {
    emptyDir = Files.createDirectories(tempDir.resolve("work").resolve("dir"));
  }

  @Test
  void shouldDefaultToALiveDemoOnTheBrokerFromTheEnvironment() {
    // when
    SimulatorConfig config = CommandLine.parse(List.of(), Map.of("KAFKA_BOOTSTRAP_SERVERS", "broker:9093"), emptyDir)
        .config();

    // then
    assertThat(config.speed()).isEqualTo(10);
    assertThat(config.duration()).isNull();
    assertThat(config.kafkaBootstrap()).isEqualTo("broker:9093");
    assertThat(config.out()).isNull();
    assertThat(config.uberCsv()).isNull();
    assertThat(config.start()).isEqualTo(Instant.parse("2026-11-02T21:00:00Z"));
    assertThat(config.compression()).isEqualTo("lz4");
    assertThat(config.pricingUrl()).isNull();
    assertThat(config.surgeRefresh()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.hasReportWindow()).isFalse();
  }

  @Test
  void shouldReadEveryOption() {
    // when
    SimulatorConfig config = CommandLine.parse(List.of("--seed", "9", "--speed=max", "--duration", "2h",
        "--drivers", "50", "--riders", "900", "--demand-scale", "1.5", "--fraud-share", "0.05",
        "--label-delay", "1h-2h", "--spike", "cell=40.7527,-73.9772,start=10m,duration=30m,factor=3",
        "--no-kafka", "--out", "/tmp/x.events", "--ground-truth", "/tmp/t.csv", "--no-uber",
        "--zone", "UTC", "--start", "2026-06-01T08:00", "--match-radius", "2000", "--drift", "0.3",
        "--progress", "0", "--compression", "zstd", "--pricing-url", "http://127.0.0.1:8081",
        "--surge-refresh", "1m", "--report-from", "1h", "--report-to", "1h30m"), Map.of(), emptyDir).config();

    // then
    assertThat(config.seed()).isEqualTo(9);
    assertThat(config.speed()).isInfinite();
    assertThat(config.duration()).isEqualTo(Duration.ofHours(2));
    assertThat(config.drivers()).isEqualTo(50);
    assertThat(config.riders()).isEqualTo(900);
    assertThat(config.demandScale()).isEqualTo(1.5);
    assertThat(config.fraudShare()).isEqualTo(0.05);
    assertThat(config.labelDelay()).isEqualTo(new LabelDelay(Duration.ofHours(1), Duration.ofHours(2)));
    assertThat(config.spikes()).singleElement().satisfies(s -> assertThat(s.factor()).isEqualTo(3));
    assertThat(config.kafkaBootstrap()).isNull();
    assertThat(config.out()).isEqualTo(Path.of("/tmp/x.events"));
    assertThat(config.groundTruth()).isEqualTo(Path.of("/tmp/t.csv"));
    assertThat(config.start()).isEqualTo(Instant.parse("2026-06-01T08:00:00Z"));
    assertThat(config.matchRadiusMeters()).isEqualTo(2000);
    assertThat(config.driftProbability()).isEqualTo(0.3);
    assertThat(config.progressInterval()).isZero();
    assertThat(config.compression()).isEqualTo("zstd");
    assertThat(config.pricingUrl()).hasToString("http://127.0.0.1:8081");
    assertThat(config.surgeRefresh()).isEqualTo(Duration.ofMinutes(1));
    assertThat(config.reportFrom()).isEqualTo(Duration.ofHours(1));
    assertThat(config.reportTo()).isEqualTo(Duration.ofMinutes(90));
    assertThat(config.hasReportWindow()).isTrue();
  }

  @Test
  void shouldAskForHelp() {
    assertThat(CommandLine.parse(List.of("--help"), Map.of(), emptyDir).help()).isTrue();
  }

  @Test
  void shouldNameTheOptionItCannotRead() {
    assertThatThrownBy(() -> CommandLine.parse(List.of("--drivers", "many"), Map.of(), emptyDir))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--drivers");
    assertThatThrownBy(() -> CommandLine.parse(List.of("--colour", "red"), Map.of(), emptyDir))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown option --colour");
    assertThatThrownBy(() -> CommandLine.parse(List.of("--fraud-share", "0.9"), Map.of(), emptyDir))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fraud share");
    assertThatThrownBy(() -> CommandLine.parse(List.of("--uber-csv", "/no/such.csv"), Map.of(), emptyDir))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no file");
    assertThatThrownBy(() -> CommandLine.parse(List.of("--seed"), Map.of(), emptyDir))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a value");
    assertThatThrownBy(() -> CommandLine.parse(List.of("--surge-refresh", "0s"), Map.of(), emptyDir))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("surge refresh");
    assertThatThrownBy(() -> CommandLine.parse(List.of("--report-from", "2h", "--report-to", "1h"), Map.of(), emptyDir))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("report window");
  }

  @Test
  void shouldReadTheLiveServicesToCallWithTheKeyFromTheEnvironment() {
    CommandLine.Parsed parsed = CommandLine.parse(List.of("--eta-url", "http://127.0.0.1:8082",
        "--fraud-url=http://127.0.0.1:8083"), Map.of("FRAUD_API_KEY", "k-1"), emptyDir);

    assertThat(parsed.services().etaUrl()).hasToString("http://127.0.0.1:8082");
    assertThat(parsed.services().fraudUrl()).hasToString("http://127.0.0.1:8083");
    assertThat(parsed.services().fraudApiKey()).isEqualTo("k-1");
    assertThat(CommandLine.parse(List.of(), Map.of(), emptyDir).services().any()).isFalse();
    assertThatThrownBy(() -> CommandLine.parse(List.of("--fraud-url", "http://127.0.0.1:8083"), Map.of(), emptyDir))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--fraud-api-key");
  }
}
