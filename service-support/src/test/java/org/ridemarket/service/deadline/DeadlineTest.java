package org.ridemarket.service.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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
  void shouldSignalAnExpiryOffTheEventLoopsOnTheSharedTimerThread() {
    Deadline deadline = Deadline.after(Duration.ofMillis(30));
    String[] expiredOn = new String[1];

    assertThatThrownBy(() -> deadline.bound(Uni.createFrom().nothing(), () -> {
      expiredOn[0] = Thread.currentThread().getName();
      return new IllegalStateException("late");
    }).await().atMost(Duration.ofSeconds(5))).hasMessage("late");
    assertThat(expiredOn[0]).isEqualTo("deadline-timers");
  }

  @Test
  void shouldLeaveABoundSetOnAnEventLoopToMutinysTimer() throws Exception {
    // In Quarkus Mutiny's timer is a Vert.x timer on that event loop; in this plain test it is Mutiny's own pool.
    Vertx vertx = Vertx.vertx();
    try {
      CompletableFuture<String> expiredOn = new CompletableFuture<>();
      vertx.runOnContext(ignored -> Deadline.after(Duration.ofMillis(30))
          .bound(Uni.createFrom().nothing(), () -> new IllegalStateException("late"))
          .subscribe().with(item -> expiredOn.complete("answered"),
              failure -> expiredOn.complete(Thread.currentThread().getName())));

      assertThat(expiredOn.get(5, TimeUnit.SECONDS)).isNotEqualTo("answered").isNotEqualTo("deadline-timers");
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void shouldRemoveTheTimerOfACallThatAnswered() {
    Deadline deadline = Deadline.after(Duration.ofSeconds(30));
    ScheduledThreadPoolExecutor timers = (ScheduledThreadPoolExecutor) DeadlineTimers.shared();

    for (int i = 0; i < 1_000; i++) {
      assertThat(deadline.bound(Uni.createFrom().item(i), () -> new IllegalStateException("late"))
          .await().atMost(Duration.ofSeconds(5))).isEqualTo(i);
    }

    // A timer left behind by each answered call would keep 1,000 tasks (and their callers) for 30 s.
    assertThat(timers.getQueue()).hasSizeLessThan(10);
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
