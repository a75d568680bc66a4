package org.ridemarket.service.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DeadlineTimerTest {

  @Test
  void shouldFireWhatIsPendingWhenTheApplicationStops() throws Exception {
    CountDownLatch fired = new CountDownLatch(1);
    DeadlineTimer.schedule(Duration.ofMinutes(10), fired::countDown);

    DeadlineTimer.stop();

    // A caller still waiting at shutdown is answered now, not in ten minutes (or never).
    assertThat(fired.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void shouldStartANewWheelForATimerSetAfterAStop() throws Exception {
    DeadlineTimer.stop();
    CountDownLatch fired = new CountDownLatch(1);

    DeadlineTimer.schedule(Duration.ofMillis(10), fired::countDown);

    assertThat(fired.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void shouldNotFireACancelledTimer() throws Exception {
    CountDownLatch fired = new CountDownLatch(1);

    DeadlineTimer.schedule(Duration.ofMillis(20), fired::countDown).cancel();

    assertThat(fired.await(200, TimeUnit.MILLISECONDS)).isFalse();
  }
}
