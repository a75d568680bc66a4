package org.ridemarket.simulator.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PacerTest {

  private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");

  @Test
  void shouldRunLiveAtRealTimeFromAStartNearTheWallClock() {
    assertThat(new Pacer(1.0, NOW.minusSeconds(20), NOW).live()).isTrue();
    assertThat(new Pacer(1.0, NOW.plusSeconds(30), NOW).live()).isTrue();
  }

  @Test
  void shouldPaceFromNowWhenAcceleratedOrStartingElsewhereInTime() {
    assertThat(new Pacer(10.0, NOW, NOW).live()).isFalse();
    assertThat(new Pacer(1.0, NOW.minus(Duration.ofDays(19)), NOW).live()).isFalse();
    assertThat(new Pacer(Double.POSITIVE_INFINITY, NOW, NOW).live()).isFalse();
  }

  @Test
  void shouldCatchUpWithoutWaitingOnTheSecondsSpentStarting() {
    // given a live simulation whose start is 30 s behind the wall clock
    Pacer pacer = new Pacer(1.0, Instant.now().minusSeconds(30), Instant.now());

    // then the first 29 simulated seconds are already due
    long started = System.nanoTime();
    pacer.awaitSimTime(29_000);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }
}
