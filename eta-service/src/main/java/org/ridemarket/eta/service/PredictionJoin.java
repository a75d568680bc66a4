package org.ridemarket.eta.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.ridemarket.eta.Eta;
import org.ridemarket.eta.config.EtaConfig;
import org.ridemarket.eta.repository.PendingPredictions;

/**
 * Joins predictions (kept in Redis, so any instance's) with the actual durations of the completed trips
 * this instance consumes, and keeps the rolling accuracy, exposed as gauges ({@code eta_accuracy_mae_seconds},
 * {@code eta_accuracy_p10_p90_coverage}) and a counter of joined predictions.
 */
@ApplicationScoped
public class PredictionJoin {

  private final PendingPredictions pending;
  private final RollingAccuracy accuracy;
  private final Counter joined;

  PredictionJoin(PendingPredictions pending, EtaConfig config, MeterRegistry registry) {
    this.pending = pending;
    this.accuracy = new RollingAccuracy(config.accuracy().window());
    this.joined = Counter.builder("eta.accuracy.joined")
        .description("Predictions joined with their completed trip's actual duration").register(registry);
    Gauge.builder("eta.accuracy.mae", accuracy, rolling -> rolling.snapshot().maeSeconds().orElse(Double.NaN))
        .baseUnit("seconds")
        .description("Mean absolute error of etaSeconds over the last joined predictions (NaN before the first)")
        .register(registry);
    Gauge.builder("eta.accuracy.p10.p90.coverage", accuracy,
            rolling -> rolling.snapshot().coverage().orElse(Double.NaN))
        .description("Share of actual durations inside [p10, p90] over the last joined predictions; 0.8 when calibrated")
        .register(registry);
  }

  /** Keeps an answered ETA for the join, if it names its trip. */
  public void remember(Eta eta) {
    pending.remember(eta);
  }

  /**
   * Joins a completed trip with its prediction, if any instance made one recently.
   *
   * @return true when a prediction was joined; false for an unknown, expired or already joined trip
   */
  public Uni<Boolean> completed(String tripId, double actualSeconds) {
    return pending.take(tripId).map(found -> found.map(prediction -> {
      accuracy.record(Math.abs(prediction.range().etaSeconds() - actualSeconds), prediction.range().covers(actualSeconds));
      joined.increment();
      return true;
    }).orElse(false));
  }

  /** The rolling figures now. */
  public RollingAccuracy.Snapshot accuracy() {
    return accuracy.snapshot();
  }
}
