package org.ridemarket.loadtest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultReportTest {

  private static final long MS = 1_000_000L;
  private final Timeline timeline = new Timeline().then("warm-up", Duration.ofSeconds(1))
      .then("steady", Duration.ofSeconds(1)).then(FaultRun.PG_PAUSED, Duration.ofSeconds(1));

  @Test
  void shouldPassAServiceThatAnsweredInBudgetOrWithADesigned503() {
    // given pricing answers 201 in 5 ms, then a fast 503 with Retry-After while PostgreSQL is paused
    PhasedOutcomes pricing = new PhasedOutcomes(timeline, 300_000);
    pricing.answered(1_000 * MS, 1_005 * MS, 201, false, false);
    pricing.answered(2_000 * MS, 2_010 * MS, 503, true, false);
    // and a slow answer in the warm-up, which does not count
    pricing.answered(0, 900 * MS, 201, false, false);

    // when
    FaultReport report = report(pricing);

    // then
    assertThat(report.passed(Service.PRICING)).isTrue();
    assertThat(report.markdown()).contains(
        "### POST /quotes (pricing-service): budget 250 ms, late after 300 ms: PASS",
        "- 2.000 s: SIGSTOP PostgreSQL [5123, 5124]",
        "| postgres paused | 1 | 10.0 | 10.0 | 10.0 | 0 | 0 | 1 (1) | 0 | 0.0% | 503 ×1 | - |",
        "Late in warm-up (due at, waited, outcome): 0.000 s 900 ms 201")
        .noneMatch(line -> line.startsWith("Late in postgres paused") || line.startsWith("Late in steady"));
  }

  @Test
  void shouldFailALateAnswerAnOther5xxOrA503WithoutRetryAfter() {
    for (int status : new int[] {201, 500, 503}) {
      // given one bad answer in the pause: late (201 after 30 s), a 500, or a 503 without Retry-After
      PhasedOutcomes pricing = new PhasedOutcomes(timeline, 300_000);
      long end = status == 201 ? 32_000 * MS : 2_010 * MS;
      pricing.answered(2_000 * MS, end, status, false, false);

      // then
      assertThat(report(pricing).passed(Service.PRICING)).as("status %d", status).isFalse();
      assertThat(report(pricing).markdown()).anyMatch(line -> line.endsWith(": FAIL"));
    }
  }

  @Test
  void shouldSayWhenEachLateAnswerWasDueAndHowLateTheGeneratorSent() {
    // given a 201 due 2.5 s into the run, sent 40 ms late and answered after 320 ms
    PhasedOutcomes pricing = new PhasedOutcomes(timeline, 300_000);
    pricing.sent(2_500 * MS, 2_540 * MS);
    pricing.answered(2_500 * MS, 2_820 * MS, 201, false, false);

    // when
    List<String> lines = report(pricing).markdown();

    // then
    assertThat(lines).contains("| postgres paused | 1 | 320 | 320 | 320 | 1 | 0 | 0 (0) | 0 | 0.0% | 201 ×1 | 40.0 |",
        "Late in postgres paused (due at, waited, outcome): 2.500 s 320 ms 201");
  }

  private FaultReport report(PhasedOutcomes pricing) {
    Map<Service, PhasedOutcomes> outcomes = new LinkedHashMap<>();
    outcomes.put(Service.PRICING, pricing);
    return new FaultReport(timeline, Map.of(Service.PRICING, Duration.ofMillis(250)), Duration.ofMillis(50),
        outcomes, List.of("2.000 s: SIGSTOP PostgreSQL [5123, 5124]"));
  }
}
