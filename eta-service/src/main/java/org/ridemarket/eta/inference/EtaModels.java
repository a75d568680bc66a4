package org.ridemarket.eta.inference;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.ridemarket.contracts.features.EtaFeatures;
import org.ridemarket.eta.config.EtaConfig;
import org.ridemarket.service.onnx.ModelLease;
import org.ridemarket.service.onnx.ModelSlot;
import org.ridemarket.service.onnx.ModelUnavailableException;
import org.ridemarket.service.onnx.ServedModels;

/**
 * The three ETA models (point, p10, p90) as three slots of the serving core, each hot-swappable on its
 * own; a prediction leases all three, so a swap never mixes in a closed session.
 */
@ApplicationScoped
public class EtaModels {

  private final ServedModels models;
  private final EtaConfig.Model config;
  private volatile ModelSlot point;
  private volatile ModelSlot p10;
  private volatile ModelSlot p90;

  EtaModels(ServedModels models, EtaConfig config) {
    this.models = models;
    this.config = config.model();
  }

  void load(@Observes StartupEvent started) {
    point = models.serve(config.pointName(), config.version(), EtaFeatures.NAMES);
    p10 = models.serve(config.p10Name(), config.version(), EtaFeatures.NAMES);
    p90 = models.serve(config.p90Name(), config.version(), EtaFeatures.NAMES);
  }

  /** {@code name:version} of the point model in service. */
  public Optional<String> currentId() {
    return point == null ? Optional.empty() : point.currentId();
  }

  /**
   * The three predicted residuals ln(actual / baseline) of one row, on the calling (pool) thread.
   *
   * @throws ModelUnavailableException when a model is not in service
   */
  @WithSpan("EtaModels.predict")
  public Residuals predict(float[] row) {
    try (ModelLease pointModel = lease(point); ModelLease p10Model = lease(p10); ModelLease p90Model = lease(p90)) {
      return new Residuals(pointModel.model().id(), pointModel.score(row), p10Model.score(row), p90Model.score(row));
    }
  }

  private static ModelLease lease(ModelSlot slot) {
    return slot.lease().orElseThrow(() -> new ModelUnavailableException(slot.unavailableReason()
        .orElse("no model " + slot.name())));
  }

  /**
   * The residuals of one row.
   *
   * @param modelId {@code name:version} of the point model
   * @param point the point model's residual
   * @param p10 the 10th-percentile model's residual
   * @param p90 the 90th-percentile model's residual
   */
  public record Residuals(String modelId, float point, float p10, float p90) {
  }
}
