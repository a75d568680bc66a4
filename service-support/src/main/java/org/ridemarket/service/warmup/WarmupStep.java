package org.ridemarket.service.warmup;

import java.util.concurrent.CompletionStage;

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

  /** The step's name in the log and in the readiness data. */
  String name();

  /**
   * One rehearsal. It leaves nothing behind: no promise recorded, no event published, no shared state
   * written, no metric or drift counted. It may complete later; the warm-up waits for it (a second at most).
   *
   * @param round 0, 1, ... (a step may vary its input with it)
   */
  CompletionStage<?> rehearse(int round);
}
