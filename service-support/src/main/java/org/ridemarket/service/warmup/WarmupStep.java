package org.ridemarket.service.warmup;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.ridemarket.service.deadline.Deadline;

/**
 * One piece of a decision's path, rehearsed before the instance says it is ready (ADR 0031). The core
 * rehearses the feature-store read and every model; a service adds its own CPU work (its JSON, routing,
 * fares) as a CDI bean implementing this.
 */
public interface WarmupStep {

  /**
   * Rehearsals that hold a PostgreSQL connection for a transaction (a journal's write, rolled back) run in one
   * round of this many: three round trips each, they would otherwise make most of the warm-up's time.
   */
  int WRITE_EVERY = 4;

  /**
   * The longest the warm-up waits for one rehearsal, and so the deadline a step gives its dependency calls; a
   * rehearsal without an outcome by then counts as hung.
   */
  Duration TIMEOUT = Duration.ofSeconds(1);

  /**
   * A rehearsal's write (a journal's, rolled back) on every {@link #WRITE_EVERY}-th round, nothing to wait for on the
   * others. The write gets a deadline half a second past {@link #TIMEOUT}, for a call to a dependency that has no
   * timeout of its own: a call with no answer counts as hung (the warm-up stops waiting first) and still ends.
   */
  static CompletionStage<?> writeEvery(int round, Function<Deadline, CompletionStage<?>> write) {
    if (round % WRITE_EVERY != 0) {
      return CompletableFuture.completedFuture(null);
    }
    return write.apply(Deadline.after(TIMEOUT.plusMillis(500)));
  }

  /** The step's name in the log and in the readiness data. */
  String name();

  /**
   * One rehearsal. It leaves nothing behind: no promise recorded, no event published, no shared state
   * written, no metric or drift counted. It may complete later; the warm-up waits for it ({@link #TIMEOUT} at
   * most). A rehearsal that throws, or whose stage fails, counts as a failed one.
   *
   * @param round 0, 1, ... (a step may vary its input with it)
   */
  CompletionStage<?> rehearse(int round) throws Exception;
}
