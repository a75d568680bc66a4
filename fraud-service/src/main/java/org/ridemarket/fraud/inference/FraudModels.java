package org.ridemarket.fraud.inference;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import org.ridemarket.fraud.config.FraudConfig;
import org.ridemarket.service.onnx.OnnxModel;

/**
 * The fraud model in service and its thresholds, loaded at start-up. A missing or refused model does
 * not stop the service: decisions fall back to the rules and the degraded policy, and readiness
 * reports the reason.
 */
@ApplicationScoped
public class FraudModels {

  private static final Logger LOG = Logger.getLogger(FraudModels.class);

  /** What is in service: a model with its thresholds, or the reason there is none. */
  private record Serving(OnnxModel model, Thresholds thresholds, String unavailableReason) {
  }

  private final FraudConfig.Model config;
  private final FraudConfig.Policy policy;
  // A reference, so that a newer version can later be swapped in without a restart.
  private final AtomicReference<Serving> serving =
      new AtomicReference<>(new Serving(null, null, "the fraud model is not loaded yet"));

  FraudModels(FraudConfig config) {
    this.config = config.model();
    this.policy = config.policy();
  }

  void load(@Observes StartupEvent started) {
    try {
      OnnxModel model = FraudModelLoader.load(config.dir(), config.name(), config.version());
      Thresholds thresholds;
      try {
        thresholds = thresholds(model.signature().metrics());
      } catch (RuntimeException e) {
        model.close();
        throw new ModelUnavailableException("no usable thresholds for " + model.id() + ": " + e.getMessage(), e);
      }
      serving.set(new Serving(model, thresholds, null));
      LOG.infof("serving fraud model %s from %s, review from %.6f, block from %.6f", model.id(),
          config.dir().toAbsolutePath(), thresholds.review(), thresholds.block());
    } catch (ModelUnavailableException e) {
      serving.set(new Serving(null, null, e.getMessage()));
      LOG.errorf("decisions will be rules-only and degraded: %s", e.getMessage());
    }
  }

  void close(@Observes ShutdownEvent stopping) {
    Serving last = serving.getAndSet(new Serving(null, null, "the service is stopping"));
    if (last.model() != null) {
      last.model().close();
    }
  }

  /** The model in service, if any. */
  public Optional<OnnxModel> current() {
    return Optional.ofNullable(serving.get().model());
  }

  /** Why no model is in service; empty when one is. */
  public Optional<String> unavailableReason() {
    return Optional.ofNullable(serving.get().unavailableReason());
  }

  /**
   * Scores rows with the model in service, in one ONNX run.
   *
   * @throws ModelUnavailableException when no model is in service
   */
  @WithSpan("FraudModels.predict")
  public Prediction predict(float[][] rows) {
    Serving now = serving.get();
    if (now.model() == null) {
      throw new ModelUnavailableException(now.unavailableReason());
    }
    float[] values = rows.length == 1 ? new float[] {now.model().score(rows[0])} : now.model().score(rows);
    return new Prediction(now.model().id(), now.thresholds(), values);
  }

  // Configured thresholds win; otherwise the ones training chose on held-out data, in the signature.
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
