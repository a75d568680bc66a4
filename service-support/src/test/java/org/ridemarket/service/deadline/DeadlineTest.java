package org.ridemarket.service.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeadlineTest {

  @Test
  void shouldGiveADependencyTheShorterOfItsTimeoutAndWhatIsLeft() {
    Deadline deadline = Deadline.after(Duration.ofSeconds(10));

    assertThat(deadline.cap(Duration.ofMillis(30))).isEqualTo(Duration.ofMillis(30));
    assertThat(deadline.cap(Duration.ofMinutes(1))).isLessThanOrEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void shouldFailACallThatOutlivesTheDeadline() {
    Deadline deadline = Deadline.after(Duration.ofMillis(50));

    assertThatThrownBy(() -> deadline.bound(Uni.createFrom().nothing(), () -> new IllegalStateException("late"))
        .await().atMost(Duration.ofSeconds(5))).isInstanceOf(IllegalStateException.class).hasMessage("late");
  }

  @Test
  void shouldFailAtOnceWithLessThanAMillisecondLeft() {
    // given a deadline that has all but passed (timers cannot wait under a millisecond)
    Deadline deadline = Deadline.after(Duration.ofNanos(100_000));

    // then the call is not even subscribed to
    boolean[] subscribed = {false};
    Uni<String> call = Uni.createFrom().item(() -> {
      subscribed[0] = true;
      return "answer";
    });
    assertThatThrownBy(() -> deadline.bound(call, () -> new IllegalStateException("late")).await().indefinitely())
        .hasMessage("late");
    assertThat(subscribed[0]).isFalse();
  }
}
