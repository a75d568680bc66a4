package org.ridemarket.service.pool;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.ridemarket.service.config.ServingConfig;
import org.ridemarket.service.deadline.Deadline;

/**
 * The bounded pool that runs a decision's CPU work (feature parsing, routing, ONNX runs, policy), so
 * that no event loop computes. Fixed threads (one per core by default) and a bounded queue: when it is
 * full a task is refused at once, a task whose deadline passed while it waited is not run, and a caller
 * is answered at its deadline at the latest, even while its task still runs (a worker that lost the CPU
 * must not hold the request past its budget).
 */
@ApplicationScoped
public class DecisionPool {

  private final ThreadPoolExecutor executor;

  @Inject
  DecisionPool(ServingConfig config, MeterRegistry registry) {
    this(config.pool().threads() > 0 ? config.pool().threads() : Runtime.getRuntime().availableProcessors(),
        config.pool().queue(), registry);
  }

  DecisionPool(int threads, int queue, MeterRegistry registry) {
    AtomicInteger numbers = new AtomicInteger();
    this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(queue), task -> {
          Thread thread = new Thread(task, "decision-" + numbers.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        }, new ThreadPoolExecutor.AbortPolicy());
    executor.prestartAllCoreThreads();
    Gauge.builder("serving.pool.queued", executor, pool -> pool.getQueue().size())
        .description("Decision tasks waiting for a worker").register(registry);
    Gauge.builder("serving.pool.active", executor, ThreadPoolExecutor::getActiveCount)
        .description("Decision tasks running").register(registry);
  }

  /**
   * Runs {@code work} on a worker; the Uni completes on that worker, or where the deadline's expiry is
   * signalled when it comes first ({@link Deadline#bound}: the caller's Vert.x context, or Mutiny's worker pool).
   *
   * @return a Uni that fails with {@link WorkRefusedException} when the queue is full, when the deadline
   *     passed before a worker was free, or when it passes before {@code work} is done (its result is then
   *     dropped: work given to the pool must be safe to finish unread), and with whatever {@code work} throws
   */
  public <T> Uni<T> compute(Deadline deadline, Supplier<T> work) {
    // Submitted when called (the callers call it from the step that needs it), completed by the worker; a
    // caller that has gone away leaves a future nobody reads, never a failure Mutiny has to drop.
    CompletableFuture<T> result = new CompletableFuture<>();
    Context trace = Context.current();
    try {
      executor.execute(trace.wrap(() -> {
        if (deadline.expired()) {
          result.completeExceptionally(new WorkRefusedException("the deadline passed before a worker was free"));
          return;
        }
        try {
          result.complete(work.get());
        } catch (RuntimeException | Error e) {
          result.completeExceptionally(e);
        }
      }));
    } catch (RejectedExecutionException e) {
      return Uni.createFrom().failure(new WorkRefusedException("the decision pool is saturated"));
    }
    return deadline.bound(Uni.createFrom().completionStage(result),
        () -> new WorkRefusedException("the deadline passed before the work was done"));
  }

  void stop(@Observes ShutdownEvent stopping) {
    executor.shutdownNow();
  }
}
