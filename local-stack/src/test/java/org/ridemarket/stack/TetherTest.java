package org.ridemarket.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TetherTest {

  @Test
  void shouldLeaveTheProcessRunningWhenDisarmed() throws Exception {
    // given
    Process sleeper = new ProcessBuilder("sleep", "300").start();
    Tether tether = Tether.tie(sleeper.pid(), "TERM");

    // when
    tether.close();

    // then
    try {
      assertThat(sleeper.waitFor(1, TimeUnit.SECONDS)).isFalse();
    } finally {
      sleeper.destroyForcibly();
    }
  }
}
