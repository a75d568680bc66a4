package org.ridemarket.eta.service;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;
import org.ridemarket.contracts.geo.Cells;
import org.ridemarket.eta.Eta;
import org.ridemarket.eta.EtaRange;
import org.ridemarket.eta.EtaRequest;
import org.ridemarket.eta.TripRoute;
import org.ridemarket.eta.config.EtaConfig;
import org.ridemarket.eta.inference.EtaModels;
import org.ridemarket.eta.inference.ModelUnavailableException;
import org.ridemarket.eta.repository.CongestionReading;
import org.ridemarket.eta.repository.CongestionRepository;
import org.ridemarket.eta.repository.FeatureStoreException;
import org.ridemarket.eta.routing.EtaRouter;
import org.ridemarket.routing.EtaScoring;
import org.ridemarket.routing.Route;
import org.ridemarket.service.logging.RateLimitedLog;
import org.ridemarket.service.vertx.VertxContexts;

/**
 * Gives ETAs: the routing baseline, one pipelined Redis read of the crossed cells' congestion, the
 * training job's row ({@link EtaScoring}), three ONNX runs (point, p10, p90). Never fails once the
 * request is valid: when Redis or a model fails, the answer is the baseline with a wide range,
 * flagged degraded. Every answer is published, and remembered for the accuracy join when it has a trip id.
 */
@ApplicationScoped
public class EtaService {

  private final EtaRouter router;
  private final CongestionRepository congestion;
  private final EtaModels models;
  private final EtaEvents events;
  private final PredictionJoin join;
  private final EtaMetrics metrics;
  private final EtaConfig.Degraded degradedRange;
  private final RateLimitedLog degradedLog = new RateLimitedLog(Logger.getLogger(EtaService.class));
  // Apart, so that a steady trickle of malformed hashes never hides the start of an outage.
  private final RateLimitedLog malformedLog = new RateLimitedLog(Logger.getLogger(EtaService.class));

  EtaService(EtaRouter router, CongestionRepository congestion, EtaModels models, EtaEvents events,
      PredictionJoin join, EtaMetrics metrics, EtaConfig config) {
    this.router = router;
    this.congestion = congestion;
    this.models = models;
    this.events = events;
    this.join = join;
    this.metrics = metrics;
    this.degradedRange = config.degraded();
    if (!(degradedRange.p10Factor() > 0 && degradedRange.p10Factor() <= 1 && degradedRange.p90Factor() >= 1)) {
      throw new IllegalArgumentException("eta.degraded needs 0 < p10-factor <= 1 <= p90-factor, got "
          + degradedRange.p10Factor() + " and " + degradedRange.p90Factor());
    }
  }

  /** The ETA of a validated request. */
  @WithSpan("EtaService.estimate")
  public Uni<Eta> estimate(EtaRequest request) {
    long started = System.nanoTime();
    Executor context = VertxContexts.current();
    TripRoute trip = route(request);
    long readStarted = System.nanoTime();
    return congestion.findAll(trip.route().distinctCells())
        .onTermination().invoke(() -> metrics.featuresRead(System.nanoTime() - readStarted))
        // Lettuce completes on its own thread; scoring and the answer belong on the request's context.
        .emitOn(context)
        .map(reading -> predicted(request, trip, reading))
        .onFailure().recoverWithItem(failure -> degraded(request, trip, failure))
        .invoke(eta -> {
          events.publish(eta);
          join.remember(eta);
          metrics.answered(System.nanoTime() - started, eta.degraded());
        });
  }

  private TripRoute route(EtaRequest request) {
    long started = System.nanoTime();
    try {
      return router.route(request.origin(), request.destination(), request.departure());
    } finally {
      metrics.routed(System.nanoTime() - started);
    }
  }

  private Eta predicted(EtaRequest request, TripRoute trip, CongestionReading reading) {
    if (!reading.malformed().isEmpty()) {
      metrics.malformedHashes(reading.malformed().size());
      malformedLog.warnf("congestion hashes that do not parse, read as unknown cells: %s", reading.malformed());
    }
    Route route = trip.route();
    double[] row = EtaScoring.values(route, request.departure(), reading.cells(), reading.readAtMillis(),
        trip.mapFree());
    long started = System.nanoTime();
    EtaModels.Residuals residuals = models.predict(EtaScoring.toFloats(row));
    metrics.inferred(System.nanoTime() - started);
    double baseline = route.durationSeconds();
    EtaRange range = EtaRange.sorted(EtaScoring.seconds(baseline, residuals.point()),
        EtaScoring.seconds(baseline, residuals.p10()), EtaScoring.seconds(baseline, residuals.p90()));
    return newEta(request, trip, range, residuals.modelId(), false);
  }

  private Eta degraded(EtaRequest request, TripRoute trip, Throwable failure) {
    String reason = reasonOf(failure);
    metrics.degraded(reason);
    degradedLog.degraded("ETA answered from the routing baseline", reason, failure);
    EtaRange range = EtaRange.degraded(trip.route().durationSeconds(), degradedRange.p10Factor(),
        degradedRange.p90Factor());
    return newEta(request, trip, range, null, true);
  }

  private static Eta newEta(EtaRequest request, TripRoute trip, EtaRange range, String modelVersion,
      boolean degraded) {
    return new Eta(UUID.randomUUID(), request, Cells.cellOf(request.origin().lat(), request.origin().lon()), range,
        trip.route().distanceMetres(), trip.route().durationSeconds(), trip.router(), modelVersion, degraded,
        Instant.now());
  }

  /** The metric's reason tag for a failure: features, model or internal. */
  private static String reasonOf(Throwable failure) {
    if (failure instanceof FeatureStoreException) {
      return "features";
    }
    if (failure instanceof ModelUnavailableException || failure instanceof IllegalStateException
        || failure instanceof IllegalArgumentException) {
      return "model";
    }
    return "internal";
  }
}
