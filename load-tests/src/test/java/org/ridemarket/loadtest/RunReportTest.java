package org.ridemarket.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ridemarket.loadtest.measure.PhaseRecorder;
import org.ridemarket.loadtest.metrics.PrometheusText;
import org.ridemarket.loadtest.metrics.ServerTimer;

class RunReportTest {

  private static final List<ServerTimer> TIMERS = List.of(ServerTimer.of("pricing.features.read"));

  @Test
  void shouldReportEachRateWithTheServersTimersOfTheSamePhase(@TempDir Path dir) throws Exception {
    // given a 500/s phase with two answers, and the service's counts before and after it
    LoadSettings settings = LoadSettings.from(Map.of("rate", "500", "warmup", "5s", "duration", "30s")::get);
    MeasuredPhase phase = new MeasuredPhase("quote", 500, 30);
    PhaseRecorder.Start first = phase.recorder().start(0);
    PhaseRecorder.Start second = phase.recorder().start(2_000_000);
    phase.recorder().succeeded(first.dueNanos(), 3_000_000, false);
    phase.recorder().succeeded(second.dueNanos(), 6_000_000, false);
    phase.scrapedBefore(PrometheusText.parse("pricing_features_read_seconds_count 10\n"
        + "pricing_features_read_seconds_sum 0.01\n"));
    phase.scrapedAfter(PrometheusText.parse("pricing_features_read_seconds{quantile=\"0.5\"} 0.0004\n"
        + "pricing_features_read_seconds_count 12\npricing_features_read_seconds_sum 0.0108\n"));
    RunReport report = new RunReport(settings, dir.resolve("target/load-summary.txt"));

    // when
    report.print("quote", List.of(phase), TIMERS);

    // then
    List<String> lines = Files.readAllLines(dir.resolve("target/load-summary.txt"));
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).isEqualTo("ridemarket load test, quote: http://127.0.0.1:8081, open model, "
        + "5 s warm-up then 30 s measured at 500/s; seed 42");
    assertThat(lines.get(1)).startsWith("quote @ 500/s for 30 s: p50 3.00 ms, p99 4.00 ms, p99.9 4.00 ms, max 4.00 ms;")
        .contains("(2 sent, 2 ok, 0 errors)");
    assertThat(lines.get(2)).startsWith("  server pricing.features.read: p50 0.40 ms, p99 - ms")
        .contains("this phase: 2 timed, mean 0.40 ms");
  }

  @Test
  void shouldListRatesInTheOrderTheyRun() {
    LoadSettings settings = LoadSettings.from(Map.of("rate", "500,1000", "warmup", "0s")::get);
    assertThat(new RunReport(settings, Path.of("unused")).header("starting"))
        .isEqualTo("ridemarket load test, starting: http://127.0.0.1:8081, open model, 60 s measured at 500/s, "
            + "then 1000/s; seed 42");
  }
}
