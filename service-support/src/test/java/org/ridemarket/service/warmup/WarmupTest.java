package org.ridemarket.service.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.IntFunction;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/**
 * The warm-up runs every step each round, holds readiness DOWN until it is over, drops a step that keeps
 * hanging (a paused dependency must not hold readiness back), keeps one that fails at once, and stops at its
 * time cap.
 */
class WarmupTest {

  @Test
  void shouldRunEveryStepEveryRoundThenBeReady() {
    List<String> calls = Collections.synchronizedList(new ArrayList<>());
    Warmup warmup = new Warmup(List.of(step("a", round -> {
      calls.add("a" + round);
      return done();
    }), step("b", round -> {
      calls.add("b" + round);
      return done();
    })), 3, Duration.ofSeconds(10), Duration.ofSeconds(1));
    WarmupCheck check = new WarmupCheck(warmup);
    assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);

    warmup.run();

    assertThat(calls).containsExactly("a0", "b0", "a1", "b1", "a2", "b2");
    HealthCheckResponse ready = check.call();
    assertThat(ready.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    assertThat(ready.getData()).hasValueSatisfying(data -> {
      assertThat(data).containsEntry("rounds", "3 of 3").containsKey("millis");
      assertThat(data.keySet()).noneMatch(key -> key.startsWith("failures") || key.equals("dropped") || key.equals("cut"));
    });
  }

  @Test
  void shouldDropAStepThatKeepsHangingAndGoOnWithTheOthers() {
    List<Integer> healthy = Collections.synchronizedList(new ArrayList<>());
    Warmup warmup = new Warmup(List.of(
        step("postgres", round -> new CompletableFuture<>()),
        step("json", round -> {
          healthy.add(round);
          return done();
        })), 50, Duration.ofSeconds(10), Duration.ofMillis(10));

    warmup.run();

    assertThat(healthy).hasSize(50);
    Warmup.Progress progress = warmup.progress();
    assertThat(progress.finished()).isTrue();
    assertThat(progress.failures()).containsEntry("postgres", Warmup.HANGS_TO_DROP).doesNotContainKey("json");
    assertThat(progress.dropped()).containsExactly("postgres");
    assertThat(new WarmupCheck(warmup).call().getData()).hasValueSatisfying(data -> assertThat(data)
        .containsEntry("dropped", "postgres").containsEntry("failures.postgres", (long) Warmup.HANGS_TO_DROP));
  }

  @Test
  void shouldKeepAStepThatFailsAtOnceSinceItCostsNothing() {
    Warmup warmup = new Warmup(List.of(step("redis", round -> CompletableFuture.failedFuture(
        new IllegalStateException("connection refused")))), 30, Duration.ofSeconds(10), Duration.ofMillis(10));

    warmup.run();

    assertThat(warmup.progress().done()).isEqualTo(30);
    assertThat(warmup.progress().failures()).containsEntry("redis", 30);
    assertThat(warmup.progress().dropped()).isEmpty();
  }

  @Test
  void shouldKeepAStepThatOnlySometimesFails() {
    Warmup warmup = new Warmup(List.of(step("flaky", round -> round % 3 == 0
        ? CompletableFuture.failedFuture(new IllegalStateException("timeout")) : done())), 30, Duration.ofSeconds(10),
        Duration.ofSeconds(1));

    warmup.run();

    assertThat(warmup.progress().done()).isEqualTo(30);
    assertThat(warmup.progress().failures()).containsEntry("flaky", 10);
    assertThat(warmup.progress().dropped()).isEmpty();
  }

  @Test
  void shouldBeReadyAtItsTimeCapWarmOrNot() {
    Warmup warmup = new Warmup(List.of(step("slow", round -> {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return done();
    })), 1_000_000, Duration.ofMillis(200), Duration.ofSeconds(1));

    warmup.run();

    Warmup.Progress progress = warmup.progress();
    assertThat(progress.finished()).isTrue();
    assertThat(progress.cut()).isTrue();
    assertThat(progress.done()).isBetween(1, 100);
    assertThat(new WarmupCheck(warmup).call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
  }

  @Test
  void shouldBeReadyAtOnceWhenTurnedOff() {
    Warmup warmup = new Warmup(List.of(step("never", round -> {
      throw new AssertionError("a warm-up of 0 rounds ran a step");
    })), 0, Duration.ofSeconds(10), Duration.ofSeconds(1));

    warmup.start(null);

    assertThat(new WarmupCheck(warmup).call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
  }

  private static CompletionStage<?> done() {
    return CompletableFuture.completedFuture(null);
  }

  private static WarmupStep step(String name, IntFunction<CompletionStage<?>> rehearsal) {
    return new WarmupStep() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public CompletionStage<?> rehearse(int round) {
        return rehearsal.apply(round);
      }
    };
  }
}
