package org.ridemarket.service.warmup;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.ridemarket.service.deadline.Deadline;
import org.ridemarket.service.redis.FeatureStore;

/**
 * Rehearses the feature-store read: one pipelined read of a few keys that hold nothing, through the same
 * Lettuce connection, dispatch and deadline as a decision's read.
 */
@ApplicationScoped
class FeatureStoreRehearsal implements WarmupStep {

  private final FeatureStore store;

  FeatureStoreRehearsal(FeatureStore store) {
    this.store = store;
  }

  @Override
  public String name() {
    return "feature-store";
  }

  @Override
  public CompletionStage<?> rehearse(int round) {
    String prefix = "ridemarket:warm-up:" + (round % 16) + ":";
    return store.read(List.of(prefix + "a", prefix + "b", prefix + "c"), Deadline.after(TIMEOUT))
        .subscribeAsCompletionStage();
  }
}
