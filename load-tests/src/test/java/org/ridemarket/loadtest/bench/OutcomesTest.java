package org.ridemarket.loadtest.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OutcomesTest {

  private static final long MS = 1_000_000L;

  @Test
  void shouldCountEveryOutcomeByKind() {
    // given answers later than 300 ms counted
    Outcomes outcomes = new Outcomes(300_000);

    // when
    outcomes.answered(0, 2 * MS, 201, false, false);
    outcomes.answered(0, 3 * MS, 201, false, true);
    outcomes.answered(0, 4 * MS, 503, true, false);
    outcomes.answered(0, 5 * MS, 503, false, false);
    outcomes.answered(0, 6 * MS, 500, false, false);
    outcomes.failed(0, 400 * MS, "timeout");

    // then
    assertThat(outcomes.count()).isEqualTo(6);
    assertThat(outcomes.ok()).isEqualTo(2);
    assertThat(outcomes.notOk()).isEqualTo(4);
    assertThat(outcomes.degradedShare()).isEqualTo(0.5);
    assertThat(outcomes.unavailable()).isEqualTo(2);
    assertThat(outcomes.unavailableWithRetryAfter()).isEqualTo(1);
    assertThat(outcomes.otherServerErrors()).isEqualTo(1);
    assertThat(outcomes.failures()).isEqualTo(1);
    assertThat(outcomes.late()).isEqualTo(1);
    assertThat(outcomes.kinds()).containsEntry("201", 2L).containsEntry("503", 2L).containsEntry("500", 1L)
        .containsEntry("timeout", 1L);
    assertThat(outcomes.lateAnswers()).containsExactly(new Outcomes.Late(0, 400, "timeout"));
  }

  @Test
  void shouldKeepTheFirstLateAnswersWithTheirDueTimes() {
    // given more late answers than are kept, due one a second
    Outcomes outcomes = new Outcomes(300_000);
    for (int i = 0; i < Outcomes.LATE_KEPT + 5; i++) {
      outcomes.answered(i * 1_000 * MS, (i * 1_000 + 301) * MS, 201, false, false);
    }

    // then every one is counted, and the first ones are kept
    assertThat(outcomes.late()).isEqualTo(Outcomes.LATE_KEPT + 5);
    assertThat(outcomes.lateAnswers()).hasSize(Outcomes.LATE_KEPT)
        .first().isEqualTo(new Outcomes.Late(0, 301, "201"));
    assertThat(outcomes.lateAnswers().get(Outcomes.LATE_KEPT - 1).dueSeconds()).isEqualTo(Outcomes.LATE_KEPT - 1);
  }

  @Test
  void shouldTimeFromTheDueTimeInMicroseconds() {
    // given
    Outcomes outcomes = new Outcomes();

    // when 99 answers 1 ms after their due time and one 50 ms after
    for (int i = 0; i < 99; i++) {
      outcomes.answered(i * MS, i * MS + MS, 200, false, false);
    }
    outcomes.answered(99 * MS, 149 * MS, 200, false, false);

    // then
    assertThat(outcomes.millisAt(50)).isCloseTo(1.0, within(0.01));
    assertThat(outcomes.millisAt(99)).isCloseTo(1.0, within(0.01));
    assertThat(outcomes.maxMillis()).isCloseTo(50.0, within(0.1));
    assertThat(outcomes.achievedPerSecond()).isCloseTo(100 / 0.149, within(0.1));
  }

  @Test
  void shouldSayNothingWithoutData() {
    Outcomes outcomes = new Outcomes();

    assertThat(outcomes.millisAt(50)).isNaN();
    assertThat(outcomes.maxMillis()).isNaN();
    assertThat(outcomes.achievedPerSecond()).isZero();
    assertThat(outcomes.degradedShare()).isZero();
  }

  @Test
  void shouldSayWhichSecondsHadTheSlowestAnswers() {
    // given
    Outcomes outcomes = new Outcomes();
    long second = 1_000 * MS;

    // when second 0 answers in 1 ms, second 1 has one answer of 20 ms, second 70 two of 40 and 6 ms
    outcomes.answered(0, MS, 200, false, false);
    outcomes.answered(second, second + MS, 200, false, false);
    outcomes.answered(second + 10 * MS, second + 30 * MS, 200, false, false);
    outcomes.answered(70 * second, 70 * second + 40 * MS, 200, false, false);
    outcomes.failed(70 * second + 5 * MS, 70 * second + 11 * MS, "timeout");

    // then
    assertThat(outcomes.secondsWithSlowAnswers()).isEqualTo(2);
    assertThat(outcomes.slowestSeconds(5)).containsExactly(new Outcomes.Second(70, 2, 2, 40.0),
        new Outcomes.Second(1, 2, 1, 20.0));
    assertThat(outcomes.slowestSeconds(1)).extracting(Outcomes.Second::index).containsExactly(70);
    assertThat(outcomes.lastEndOffsetNanos()).isEqualTo(70 * second + 40 * MS);
  }
}
