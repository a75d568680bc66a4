package org.ridemarket.service.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StallTest {

  private static final Duration AFTER = Duration.ofMillis(50);

  @Test
  void shouldNeverCountAnIdleDependencyStalledHoweverLongItWasIdle() throws Exception {
    Stall stall = new Stall(AFTER);
    Thread.sleep(120);

    assertThat(stall.stalled()).isFalse();
    assertThat(stall.silent()).isZero();
    // a call sent after a long idle time is timed from when it was sent, not from the last answer
    stall.begin();
    assertThat(stall.stalled()).isFalse();
  }

  @Test
  void shouldCountADependencyStalledOnceACallHasWaitedLongerThanTheDurationWithNoAnswer() throws Exception {
    Stall stall = new Stall(AFTER);
    stall.begin();
    Thread.sleep(120);

    assertThat(stall.stalled()).isTrue();
    assertThat(stall.silent()).isGreaterThanOrEqualTo(Duration.ofMillis(100));
  }

  @Test
  void shouldNotCountASlowCallStalledWhileOtherCallsAreAnswered() throws Exception {
    Stall stall = new Stall(AFTER);
    stall.begin();
    for (int i = 0; i < 6; i++) {
      Thread.sleep(20);
      stall.begin();
      stall.end(true);
    }

    assertThat(stall.stalled()).as("one slow call among answered ones").isFalse();
  }

  @Test
  void shouldEndTheStallWithTheFirstAnswer() throws Exception {
    Stall stall = new Stall(AFTER);
    stall.begin();
    stall.begin();
    Thread.sleep(120);
    assertThat(stall.stalled()).isTrue();

    stall.end(true);

    assertThat(stall.stalled()).as("the other call is still out, but the dependency answered").isFalse();
    stall.end(true);
    assertThat(stall.stalled()).isFalse();
  }

  @Test
  void shouldLetOneCallerThroughAsAProbeInEachStallDuration() throws Exception {
    Stall stall = new Stall(AFTER);
    stall.begin();
    Thread.sleep(120);

    // the first caller after the stall began is the probe; the others skip
    assertThat(stall.skip()).as("the probe").isFalse();
    assertThat(stall.skip()).isTrue();
    assertThat(stall.skip()).isTrue();
    // one stall duration later, the next probe
    Thread.sleep(70);
    assertThat(stall.skip()).as("the next probe").isFalse();
    assertThat(stall.skip()).isTrue();
  }

  @Test
  void shouldSkipNothingWhileTheDependencyAnswers() {
    Stall stall = new Stall(AFTER);
    stall.begin();

    assertThat(stall.skip()).isFalse();
    assertThat(stall.skip()).isFalse();
  }

  @Test
  void shouldNotTakeACallTheClientGaveUpOnForAnAnswer() throws Exception {
    Stall stall = new Stall(AFTER);
    stall.begin();
    stall.begin();
    Thread.sleep(120);

    // one call times out on the client's side while the other still waits: still no sign of life
    stall.end(false);

    assertThat(stall.stalled()).isTrue();
    stall.end(true);
    assertThat(stall.stalled()).isFalse();
  }

  @Test
  void shouldRefuseADurationThatIsNotPositive() {
    assertThatThrownBy(() -> new Stall(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
  }
}
