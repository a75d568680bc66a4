package org.ridemarket.fraud.inference;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.ridemarket.contracts.features.VelocityFeatures;
import org.ridemarket.fraud.config.FraudConfig;
import org.ridemarket.service.onnx.ModelLease;
import org.ridemarket.service.onnx.ModelSlot;
import org.ridemarket.service.onnx.ModelUnavailableException;
import org.ridemarket.service.onnx.ServedModels;
import org.ridemarket.service.onnx.OnnxModel;

/**
 * The fraud model in service (a slot of the serving core, hot-swappable) and the thresholds that go
 * with each version: configured ones win, otherwise those training chose, from the model's signature.
 */
@ApplicationScoped
public class FraudModels {

  private final ServedModels models;
  private final FraudConfig.Model config;
  private final FraudConfig.Policy policy;
  private volatile ModelSlot slot;

  FraudModels(ServedModels models, FraudConfig config) {
    this.models = models;
    this.config = config.model();
    this.policy = config.policy();
  }

  void load(@Observes StartupEvent started) {
    slot = models.serve(config.name(), config.version(), VelocityFeatures.NAMES);
  }

  /** {@code name:version} of the model in service. */
  public Optional<String> currentId() {
    return slot == null ? Optional.empty() : slot.currentId();
  }

  /**
   * Scores rows with the model in service, in one ONNX run, on the calling (pool) thread.
   *
   * @throws ModelUnavailableException when no model is in service
   * @throws IllegalArgumentException when the model's signature has no thresholds and none are configured
   */
  @WithSpan("FraudModels.predict")
  public Prediction predict(float[][] rows) {
    try (ModelLease lease = slot.lease().orElseThrow(() -> new ModelUnavailableException(
        slot.unavailableReason().orElse("no fraud model")))) {
      OnnxModel model = lease.model();
      float[] values = rows.length == 1 ? new float[] {model.score(rows[0])} : model.score(rows);
      return new Prediction(model.id(), thresholds(model.signature().metrics()), values);
    }
  }

  private Thresholds thresholds(Map<String, Double> metrics) {
    return new Thresholds(threshold(policy.reviewThreshold(), metrics, "threshold_review"),
        threshold(policy.blockThreshold(), metrics, "threshold_block"));
  }

  private static double threshold(OptionalDouble configured, Map<String, Double> metrics, String metric) {
    if (configured.isPresent()) {
      return configured.getAsDouble();
    }
    Double value = metrics.get(metric);
    if (value == null) {
      throw new IllegalArgumentException("the signature has no " + metric + " and fraud.policy does not set it");
    }
    return value;
  }

  /**
   * The probabilities of one run.
   *
   * @param modelId {@code name:version} of the model that made them
   * @param thresholds the thresholds that go with that model
   * @param values one probability of fraud per row, in row order
   */
  public record Prediction(String modelId, Thresholds thresholds, float[] values) {
  }
}
