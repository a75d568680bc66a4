package org.ridemarket.service.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.ridemarket.service.deadline.Deadline;

class DecisionPoolTest {

  private static final Deadline LATER = Deadline.after(Duration.ofMinutes(1));

  @Test
  void shouldRunWorkOffTheCallersThread() {
    DecisionPool pool = new DecisionPool(1, 4, new SimpleMeterRegistry());

    String thread = pool.compute(LATER, () -> Thread.currentThread().getName()).await().atMost(Duration.ofSeconds(5));

    assertThat(thread).startsWith("decision-").isNotEqualTo(Thread.currentThread().getName());
  }

  @Test
  void shouldRefuseAtOnceWhenTheQueueIsFull() throws Exception {
    // given one busy worker and a queue of one, taken
    DecisionPool pool = new DecisionPool(1, 1, new SimpleMeterRegistry());
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(1);
    pool.compute(LATER, () -> {
      started.countDown();
      await(release);
      return 1;
    }).subscribe().with(ignored -> { });
    started.await(5, TimeUnit.SECONDS);
    pool.compute(LATER, () -> 2).subscribe().with(ignored -> { });

    // when one more task arrives, then it is refused without waiting
    assertThatThrownBy(() -> pool.compute(LATER, () -> 3).await().atMost(Duration.ofSeconds(1)))
        .isInstanceOf(WorkRefusedException.class).hasMessageContaining("saturated");
    release.countDown();
  }

  @Test
  void shouldNotRunATaskWhoseDeadlinePassedWhileItWaited() throws Exception {
    // given the only worker busy beyond a queued task's deadline
    DecisionPool pool = new DecisionPool(1, 4, new SimpleMeterRegistry());
    CountDownLatch release = new CountDownLatch(1);
    pool.compute(LATER, () -> {
      await(release);
      return 1;
    }).subscribe().with(ignored -> { });
    boolean[] ran = {false};
    var late = pool.compute(Deadline.after(Duration.ofMillis(50)), () -> ran[0] = true).subscribeAsCompletionStage();
    Thread.sleep(200);

    // when the worker frees up, then the late task is refused, not run
    release.countDown();
    assertThatThrownBy(() -> late.toCompletableFuture().get(5, TimeUnit.SECONDS))
        .hasCauseInstanceOf(WorkRefusedException.class);
    assertThat(ran[0]).isFalse();
  }

  @Test
  void shouldAnswerTheCallerAtItsDeadlineWhileItsWorkStillRuns() throws Exception {
    // given a task that holds its worker until released, far past its 100 ms deadline
    DecisionPool pool = new DecisionPool(1, 4, new SimpleMeterRegistry());
    CountDownLatch release = new CountDownLatch(1);
    var slow = pool.compute(Deadline.after(Duration.ofMillis(100)), () -> {
      await(release);
      return 1;
    }).subscribeAsCompletionStage();

    // when the deadline passes, then the caller has its refusal while the work is still held
    assertThatThrownBy(() -> slow.toCompletableFuture().get(5, TimeUnit.SECONDS))
        .hasCauseInstanceOf(WorkRefusedException.class).hasMessageContaining("before the work was done");
    assertThat(release.getCount()).isEqualTo(1);
    release.countDown();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
