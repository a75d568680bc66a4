package org.ridemarket.eta.inference;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import org.ridemarket.eta.config.EtaConfig;
import org.ridemarket.service.onnx.OnnxModel;

/**
 * The three ETA models in service (point, p10, p90), loaded at start-up. They are served together or
 * not at all: a point estimate without its range, or a range from another model generation, would
 * be a different answer from the one the models were validated for. Without them the service still
 * answers (degraded) and readiness reports the reason.
 */
@ApplicationScoped
public class EtaModels {

  private static final Logger LOG = Logger.getLogger(EtaModels.class);

  /** The three models, all present. */
  public record Trio(OnnxModel point, OnnxModel p10, OnnxModel p90) {

    /** The models' ids, point first. */
    public List<String> ids() {
      return List.of(point.id(), p10.id(), p90.id());
    }

    void close() {
      point.close();
      p10.close();
      p90.close();
    }
  }

  /** What is in service: the three models, or the reason there are none. */
  private record Serving(Trio models, String unavailableReason) {
  }

  private final EtaConfig.Model config;
  // A reference, so that a newer generation can later be swapped in without a restart.
  private final AtomicReference<Serving> serving =
      new AtomicReference<>(new Serving(null, "the ETA models are not loaded yet"));

  EtaModels(EtaConfig config) {
    this.config = config.model();
  }

  void load(@Observes StartupEvent started) {
    List<OnnxModel> opened = new ArrayList<>();
    try {
      for (String name : List.of(config.pointName(), config.p10Name(), config.p90Name())) {
        opened.add(EtaModelLoader.load(config.dir(), name, config.version()));
      }
      Trio trio = new Trio(opened.get(0), opened.get(1), opened.get(2));
      serving.set(new Serving(trio, null));
      LOG.infof("serving ETA models %s from %s", trio.ids(), config.dir().toAbsolutePath());
    } catch (ModelUnavailableException e) {
      opened.forEach(OnnxModel::close);
      serving.set(new Serving(null, e.getMessage()));
      LOG.errorf("ETAs will be answered degraded (routing baseline, wide range): %s", e.getMessage());
    }
  }

  void close(@Observes ShutdownEvent stopping) {
    Serving last = serving.getAndSet(new Serving(null, "the service is stopping"));
    if (last.models() != null) {
      last.models().close();
    }
  }

  /** The models in service, if any. */
  public Optional<Trio> current() {
    return Optional.ofNullable(serving.get().models());
  }

  /** Why no models are in service; empty when they are. */
  public Optional<String> unavailableReason() {
    return Optional.ofNullable(serving.get().unavailableReason());
  }

  /**
   * The three predicted residuals ln(actual / baseline) of one row.
   *
   * @throws ModelUnavailableException when the models are not in service
   */
  @WithSpan("EtaModels.predict")
  public Residuals predict(float[] row) {
    Serving now = serving.get();
    if (now.models() == null) {
      throw new ModelUnavailableException(now.unavailableReason());
    }
    Trio models = now.models();
    return new Residuals(models.point().id(), models.point().score(row), models.p10().score(row),
        models.p90().score(row));
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
