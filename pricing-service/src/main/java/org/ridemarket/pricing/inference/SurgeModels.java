package org.ridemarket.pricing.inference;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import org.ridemarket.pricing.config.PricingConfig;
import org.ridemarket.service.onnx.OnnxModel;

/**
 * The surge model in service, loaded at start-up. A missing or refused model does not stop the
 * service: quotes are answered degraded and readiness reports the reason.
 */
@ApplicationScoped
public class SurgeModels {

  private static final Logger LOG = Logger.getLogger(SurgeModels.class);

  /** What is in service: a model, or the reason there is none. */
  private record Serving(OnnxModel model, String unavailableReason) {
  }

  private final PricingConfig.Model config;
  // A reference, so that a newer version can later be swapped in without a restart.
  private final AtomicReference<Serving> serving =
      new AtomicReference<>(new Serving(null, "the surge model is not loaded yet"));

  SurgeModels(PricingConfig config) {
    this.config = config.model();
  }

  void load(@Observes StartupEvent started) {
    try {
      OnnxModel model = SurgeModelLoader.load(config.dir(), config.name(), config.version());
      serving.set(new Serving(model, null));
      LOG.infof("serving surge model %s from %s", model.id(), config.dir().toAbsolutePath());
    } catch (ModelUnavailableException e) {
      serving.set(new Serving(null, e.getMessage()));
      LOG.errorf("quotes will be answered degraded: %s", e.getMessage());
    }
  }

  void close(@Observes ShutdownEvent stopping) {
    Serving last = serving.getAndSet(new Serving(null, "the service is stopping"));
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
   * Scores feature vectors with the model in service, in one ONNX run.
   *
   * @throws ModelUnavailableException when no model is in service
   */
  @WithSpan("SurgeModels.predict")
  public Prediction predict(float[][] rows) {
    Serving now = serving.get();
    if (now.model() == null) {
      throw new ModelUnavailableException(now.unavailableReason());
    }
    float[] values = rows.length == 1 ? new float[] {now.model().score(rows[0])} : now.model().score(rows);
    return new Prediction(now.model().id(), values);
  }

  /**
   * The raw multipliers of one run.
   *
   * @param modelId {@code name:version} of the model that made them
   * @param values one raw multiplier per row, in row order
   */
  public record Prediction(String modelId, float[] values) {
  }
}
