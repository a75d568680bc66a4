package org.ridemarket.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestartBackoffTest {

  @Test
  void shouldDoubleTheDelayWithEachCrashInARowUpToTheCap() {
    // given
    RestartBackoff backoff = RestartBackoff.LOCAL;

    // when / then
    assertThat(backoff.delay(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.delay(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.delay(3)).isEqualTo(Duration.ofSeconds(4));
    assertThat(backoff.delay(6)).isEqualTo(Duration.ofSeconds(30));
    assertThat(backoff.delay(1_000)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void shouldStartOverAfterTheChildRanLongEnough() {
    // given
    RestartBackoff backoff = RestartBackoff.LOCAL;

    // when / then
    assertThat(backoff.ranLongEnough(Duration.ofSeconds(59))).isFalse();
    assertThat(backoff.ranLongEnough(Duration.ofMinutes(1))).isTrue();
  }
}
