package org.ridemarket.service.warmup;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.ridemarket.service.deadline.Deadline;
import org.ridemarket.service.onnx.ModelSlot;
import org.ridemarket.service.onnx.ServedModels;
import org.ridemarket.service.pool.DecisionPool;

/**
 * Rehearses every model in service on the decision pool, as a decision runs it: one row of zeros each
 * (counted nowhere, no drift), so that each worker has its input buffer and the JNI path is compiled. A
 * slot without a model is skipped (readiness says why it has none).
 */
@ApplicationScoped
class ModelRehearsal implements WarmupStep {

  private final ServedModels models;
  private final DecisionPool pool;

  ModelRehearsal(ServedModels models, DecisionPool pool) {
    this.models = models;
    this.pool = pool;
  }

  @Override
  public String name() {
    return "models";
  }

  @Override
  public CompletionStage<?> rehearse(int round) {
    if (models.slots().isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    return pool.compute(Deadline.after(TIMEOUT), () -> {
      for (ModelSlot slot : models.slots()) {
        slot.rehearse(new float[slot.features().size()]);
      }
      return null;
    }).subscribeAsCompletionStage();
  }
}
