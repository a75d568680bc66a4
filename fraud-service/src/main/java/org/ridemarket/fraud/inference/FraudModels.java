package org.ridemarket.fraud.inference;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Arrays;
import java.util.List;
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
    slot = models.serve(config.name(), config.version(), features(config.features()));
  }

  /** The first {@code count} scoring features, which a model released before the later ones were appended takes. */
  static List<String> features(int count) {
    if (count < 1 || count > VelocityFeatures.NAMES.size()) {
      throw new IllegalArgumentException("fraud.model.features: " + count + " is not in 1.."
          + VelocityFeatures.NAMES.size());
    }
    return VelocityFeatures.NAMES.subList(0, count);
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
      float[][] taken = leading(rows, model.signature().featureNames().size());
      float[] values = taken.length == 1 ? new float[] {lease.score(taken[0])} : lease.score(taken);
      return new Prediction(model.id(), thresholds(model.signature().metrics()), values);
    }
  }

  // the model takes the leading features of the full row (the names are append-only), which the service records
  private static float[][] leading(float[][] rows, int width) {
    if (rows.length == 0 || rows[0].length == width) {
      return rows;
    }
    float[][] taken = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      taken[i] = Arrays.copyOf(rows[i], width);
    }
    return taken;
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
