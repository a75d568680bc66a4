package org.ridemarket.service.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
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
  void shouldNeverFireBeforeTheDeadline() {
    for (int i = 0; i < 20; i++) {
      long started = System.nanoTime();
      Deadline deadline = Deadline.after(Duration.ofMillis(30));

      assertThatThrownBy(() -> deadline.bound(Uni.createFrom().nothing(), () -> new IllegalStateException("late"))
          .await().atMost(Duration.ofSeconds(5))).hasMessage("late");
      // The upper bound is loose: a shared machine may hold any thread back, but never by a whole second.
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(30))
          .isLessThan(Duration.ofSeconds(1));
    }
  }

  @Test
  void shouldSignalAnExpiryOffTheEventLoopsOnAWorkerNotOnTheTimersThread() {
    Deadline deadline = Deadline.after(Duration.ofMillis(20));
    String[] expiredOn = new String[1];

    assertThatThrownBy(() -> deadline.bound(Uni.createFrom().nothing(), () -> {
      expiredOn[0] = Thread.currentThread().getName();
      return new IllegalStateException("late");
    }).await().atMost(Duration.ofSeconds(5))).hasMessage("late");
    // The wheel's one thread only hands expiries on, so that no expiry's work delays another.
    assertThat(expiredOn[0]).isNotNull().isNotEqualTo("deadline-timer");
  }

  @Test
  void shouldSignalAnExpiryOnTheEventLoopTheBoundWasSetOn() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      CompletableFuture<String> setOn = new CompletableFuture<>();
      CompletableFuture<String> expiredOn = new CompletableFuture<>();
      vertx.runOnContext(ignored -> {
        setOn.complete(Thread.currentThread().getName());
        Deadline.after(Duration.ofMillis(20))
            .bound(Uni.createFrom().nothing(), () -> new IllegalStateException("late"))
            .subscribe().with(item -> expiredOn.complete("answered"),
                failure -> expiredOn.complete(Thread.currentThread().getName()));
      });

      assertThat(expiredOn.get(5, TimeUnit.SECONDS)).startsWith("vert.x-eventloop").isEqualTo(setOn.get());
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void shouldCancelTheCallAtItsExpiryAndDropWhatItSignalsLater() {
    AtomicBoolean cancelled = new AtomicBoolean();
    AtomicReference<UniEmitter<? super String>> call = new AtomicReference<>();
    Uni<String> slow = Uni.createFrom().<String>emitter(call::set).onCancellation().invoke(() -> cancelled.set(true));

    assertThatThrownBy(() -> Deadline.after(Duration.ofMillis(20))
        .bound(slow, () -> new IllegalStateException("late")).await().atMost(Duration.ofSeconds(5)))
        .hasMessage("late");
    assertThat(cancelled).isTrue();
    // A late answer reaches nobody (and is not reported as a dropped signal).
    call.get().complete("too late");
  }

  @Test
  void shouldLeaveNoTimerBehindForACallThatAnswered() throws Exception {
    Deadline deadline = Deadline.after(Duration.ofSeconds(30));

    for (int i = 0; i < 1_000; i++) {
      assertThat(deadline.bound(Uni.createFrom().item(i), () -> new IllegalStateException("late"))
          .await().atMost(Duration.ofSeconds(5))).isEqualTo(i);
    }

    // A timer left behind by each answered call would keep 1,000 of them (and their callers) for 30 s. A
    // cancelled timer leaves the wheel at its next tick.
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (DeadlineTimer.pending() >= 10 && System.nanoTime() < until) {
      Thread.sleep(DeadlineTimer.TICK_MILLIS);
    }
    assertThat(DeadlineTimer.pending()).isLessThan(10);
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
