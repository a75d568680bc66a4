package org.ridemarket.loadtest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SwapReportTest {

  private static final long MS = 1_000_000L;
  private final Timeline timeline = new Timeline().then("warm-up", Duration.ofSeconds(1))
      .then("before", Duration.ofSeconds(1)).then("during", Duration.ofSeconds(1)).then("after", Duration.ofSeconds(1));
  private final List<String> accepted = List.of("2.500 s: POST /admin/models/surge/activate?version=1 -> HTTP 200 in 40.0 ms");

  @Test
  void shouldFillTheAdminPathTemplate() {
    assertThat(SwapRun.uri("/admin/models/{name}/activate?version={version}", "surge", "2"))
        .isEqualTo("/admin/models/surge/activate?version=2");
  }

  @Test
  void shouldPassWithNoFailedRequestOutsideTheWarmUpAndEverySwapAccepted() {
    // given a connection refused in the warm-up only
    PhasedOutcomes outcomes = new PhasedOutcomes(timeline);
    outcomes.failed(0, MS, "connection refused");
    outcomes.answered(1_500 * MS, 1_502 * MS, 201, false, false);
    outcomes.answered(2_500 * MS, 2_503 * MS, 201, false, false);

    // when
    SwapReport report = new SwapReport(Service.PRICING, 1_000, timeline, outcomes, accepted);

    // then
    assertThat(report.passed()).isTrue();
    assertThat(report.markdown()).contains("## Hot swap: POST /quotes at 1000/s: PASS",
        "| during | 2 | 1 | 0 | 3.00 | 3.00 | 3.00 | 3.00 | - | 201 ×1 |");
  }

  @Test
  void shouldFailOnAFailedRequestDuringTheSwapOrARefusedSwap() {
    PhasedOutcomes failed = new PhasedOutcomes(timeline);
    failed.answered(2_500 * MS, 2_503 * MS, 500, false, false);
    PhasedOutcomes fine = new PhasedOutcomes(timeline);

    assertThat(new SwapReport(Service.PRICING, 1_000, timeline, failed, accepted).passed()).isFalse();
    assertThat(new SwapReport(Service.PRICING, 1_000, timeline, fine,
        List.of("2.500 s: POST /admin/models/surge/activate?version=1 -> HTTP 404 in 1.00 ms")).passed()).isFalse();
  }
}
