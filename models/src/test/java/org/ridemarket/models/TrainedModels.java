package org.ridemarket.models;

import java.util.EnumMap;
import java.util.Map;

/** One small booster per objective, trained once per test JVM: training dominates the tests' time. */
final class TrainedModels {

  private static final Map<Objective, SyntheticMarket.Trained> TRAINED = new EnumMap<>(Objective.class);

  private TrainedModels() {
  }

  static synchronized SyntheticMarket.Trained of(Objective objective) {
    return TRAINED.computeIfAbsent(objective, o -> SyntheticMarket.train(o, 60, 4));
  }
}
