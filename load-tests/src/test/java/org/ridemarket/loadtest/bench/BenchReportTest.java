package org.ridemarket.loadtest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchReportTest {

  private static final long MS = 1_000_000L;

  @Test
  void shouldGiveTheIssuesP99Targets() {
    assertThat(BenchReport.p99TargetMillis(500)).isEqualTo(5);
    assertThat(BenchReport.p99TargetMillis(1_000)).isEqualTo(5);
    assertThat(BenchReport.p99TargetMillis(2_000)).isEqualTo(10);
    assertThat(BenchReport.p99TargetMillis(3_000)).isNaN();
  }

  @Test
  void shouldReportTheRunFloorsAndOneTablePerEndpointWithItsRatios() {
    // given a noop at 0.5 ms and quotes at 2 ms, 200 µs of service CPU each, floors adding up to 0.25 ms
    RunInfo info = new RunInfo("bench --rates 1000", Instant.parse("2026-12-02T08:00:00Z"),
        Instant.parse("2026-12-02T08:05:00Z"), "1.20 0.80 0.40", "1.90 1.10 0.60", "2 cores, Test CPU");
    Floor redis = new Floor("Redis HGETALL features:sd:882a1", 0.2, 0.8, 5_000, "Lettuce sync");
    Floor onnx = new Floor("ONNX surge:1, 1 row", 0.05, 0.09, 20_000, "in process");
    Floor onnxCold = new Floor("ONNX surge:1, 1 row, caches swept", 0.06, 0.12, 500, "64 MB swept");
    StepResult noop = step("noop 500/s", 500, MS / 2, 204, 50_000_000L);
    StepResult quotes = step("1000/s", 1_000, 2 * MS, 201, 200_000_000L);
    ServiceRun run = new ServiceRun(Service.PRICING, 4242, "/serving/noop", "GET /serving/noop",
        "JIT warm-up: 3 slices of 10 s at 1000/s, the compiler threads at 4.0 ms/s in the last", noop,
        List.of(quotes), null);

    // when
    List<String> lines = BenchReport.markdown(info, redis, onnx, onnxCold, List.of(run, ServiceRun.skipped(Service.ETA,
        "nothing listens on 127.0.0.1:8082")));

    // then
    assertThat(lines.get(0)).isEqualTo("# Serving benchmark, 2026-12-02");
    assertThat(lines).contains(
        "- command (from the repository root, stack up): "
            + "`mvn -B -q -pl load-tests -Pbench verify -Dbench.args=\"bench --rates 1000\"`",
        "- load average (1/5/15 min): 1.20 0.80 0.40 at the start, 1.90 1.10 0.60 at the end",
        "| Redis HGETALL features:sd:882a1 | 0.20 | 0.80 | 5000 | Lettuce sync |",
        "| ONNX surge:1, 1 row, caches swept | 0.060 | 0.12 | 500 | 64 MB swept |",
        "## POST /quotes (pricing-service, pid 4242)",
        "## POST /eta (eta-service)",
        "Not measured: nothing listens on 127.0.0.1:8082.",
        "- 1000/s outcomes: 201 ×1000");
    // 1,000 answers in 1.001 s; 200 µs of CPU each, net 150 with 50 ms/s idle; 2 ms is 4× the noop, 8× the floors
    assertThat(lines).contains("| 1000/s | 999.0 | 2.00 | 2.00 | 2.00 | 2.00 | 0 | 0.0% | 200 | 150 | yes | 30.0 | 20 "
        + "| 0.005 / 0.010 / 0.050 | 4.0× | 8.0× | 5.00 | yes |");
    assertThat(lines).anyMatch(line -> line.startsWith("| noop 500/s |") && line.endsWith("| - | 30.0 | 20 | 0.005 / 0.010 / 0.050 | - | - | - | - |"));
  }

  @Test
  void shouldSayWhenTheSlowAnswersCameAndWhatTheMachineDidThen() {
    // given a step whose second 12 had a 90-ms answer while the broker took most of the CPUs
    Outcomes outcomes = new Outcomes();
    outcomes.answered(12_000 * MS, 12_090 * MS, 201, false, false);
    MachineSampler.Window phase = new MachineSampler.Window(0.6, 5,
        java.util.Map.of("pricing-service", 500.0, "BrokerMain", 300.0));
    MachineSampler.Window slow = new MachineSampler.Window(0.97, 11,
        java.util.Map.of("pricing-service", 400.0, "BrokerMain", 900.0));
    StepResult step = new StepResult("1000/s", 1_000, outcomes, new PhasedOutcomes.Lag(0, 0, 0),
        new CpuWindow.Use(0, 0, 1, 0), 0, phase,
        List.of(new SlowSecond(Instant.parse("2026-12-05T06:22:14Z"), outcomes.slowestSeconds(1).get(0), slow)));

    // when
    List<String> lines = BenchReport.slowSeconds(step);

    // then
    assertThat(lines).contains("1000/s: 1 seconds of the phase had an answer above 5.00 ms. The machine over the phase:"
            + " CPUs 60.0% busy, at most 5 threads runnable at a sample; CPU by process, ms/s: pricing-service 500.0,"
            + " BrokerMain 300.0.",
        "| 06:22:14 | 1 | 1 | 90.0 | 97.0% | 11 | BrokerMain 900.0 (300.0), pricing-service 400.0 (500.0) |");
  }

  private static StepResult step(String label, int rate, long latencyNanos, int status, long serviceCpuNanos) {
    Outcomes outcomes = new Outcomes();
    for (int i = 0; i < 1_000; i++) {
      long due = i * MS;
      outcomes.answered(due, due + latencyNanos, status, false, false);
    }
    return new StepResult(label, rate, outcomes, new PhasedOutcomes.Lag(0.005, 0.01, 0.05),
        new CpuWindow.Use(serviceCpuNanos, 20_000_000L, 1_000_000_000L, 30_000_000L), 50);
  }
}
