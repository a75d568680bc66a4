package org.ridemarket.loadtest.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PhaseRecorderTest {

  private static final long MS = 1_000_000L;

  @Test
  void shouldCountLatencyFromWhenARequestWasDueNotWhenItWasSent() {
    // given 1,000/s: one request due every millisecond from t0
    PhaseRecorder recorder = new PhaseRecorder("quote", 1_000, 1);
    long t0 = 5_000 * MS;
    PhaseRecorder.Start first = recorder.start(t0);
    // the generator stalls and sends the second request 4 ms late
    PhaseRecorder.Start second = recorder.start(t0 + 5 * MS);

    // when both take 2 ms once sent
    recorder.succeeded(first.dueNanos(), t0 + 2 * MS, false);
    recorder.succeeded(second.dueNanos(), t0 + 7 * MS, true);

    // then the stall counts against the second request
    assertThat(first.index()).isZero();
    assertThat(second.index()).isEqualTo(1);
    assertThat(second.dueNanos()).isEqualTo(t0 + MS);
    PhaseResult result = recorder.result();
    assertThat(result.p50()).isCloseTo(2.0, within(0.01));
    assertThat(result.max()).isCloseTo(6.0, within(0.01));
    assertThat(result.maxLag()).isCloseTo(4.0, within(0.01));
    assertThat(result.ok()).isEqualTo(2);
    assertThat(result.degraded()).isEqualTo(1);
  }

  @Test
  void shouldNeverCountLessThanTheRealWaitOfAnEarlyRequest() {
    // given
    PhaseRecorder recorder = new PhaseRecorder("quote", 10, 1);
    long t0 = 1_000 * MS;
    recorder.start(t0);

    // when the second request (due at t0 + 100 ms) starts 30 ms early and takes 5 ms
    PhaseRecorder.Start early = recorder.start(t0 + 70 * MS);
    recorder.succeeded(early.dueNanos(), t0 + 75 * MS, false);

    // then
    assertThat(early.dueNanos()).isEqualTo(t0 + 70 * MS);
    assertThat(recorder.result().max()).isCloseTo(5.0, within(0.01));
    assertThat(recorder.result().maxLag()).isZero();
  }

  @Test
  void shouldCountFailuresByKindAndThroughputFromFirstStartToLastAnswer() {
    // given 100/s
    PhaseRecorder recorder = new PhaseRecorder("quote", 100, 1);
    long t0 = 0;
    for (int i = 0; i < 100; i++) {
      PhaseRecorder.Start start = recorder.start(t0 + i * 10 * MS);
      long done = start.dueNanos() + 10 * MS;
      if (i % 25 == 0) {
        recorder.failed(i == 0 ? "no response" : "HTTP 503", done);
      } else {
        recorder.succeeded(start.dueNanos(), done, false);
      }
    }

    // then 96 answers over 1 s (first start to last answer at 990 + 10 ms)
    PhaseResult result = recorder.result();
    assertThat(result.sent()).isEqualTo(100);
    assertThat(result.ok()).isEqualTo(96);
    assertThat(result.errors()).isEqualTo(Map.of("HTTP 503", 3L, "no response", 1L));
    assertThat(result.achieved()).isCloseTo(96.0, within(0.01));
  }

  @Test
  void shouldReportNoLatenciesWhenNothingSucceeded() {
    PhaseResult result = new PhaseRecorder("quote", 50, 10).result();
    assertThat(result.p99()).isNaN();
    assertThat(result.line()).startsWith("quote @ 50/s for 10 s: p50 - ms, p99 - ms, p99.9 - ms, max - ms; 0.0/s achieved");
  }
}
