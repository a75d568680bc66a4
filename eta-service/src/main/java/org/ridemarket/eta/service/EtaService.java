package org.ridemarket.eta.service;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
import org.ridemarket.eta.repository.CongestionReading;
import org.ridemarket.eta.repository.CongestionRepository;
import org.ridemarket.eta.routing.EtaRouter;
import org.ridemarket.routing.EtaScoring;
import org.ridemarket.routing.Route;
import org.ridemarket.service.deadline.Deadline;
import org.ridemarket.service.logging.RateLimitedLog;
import org.ridemarket.service.metrics.DecisionMetrics;
import org.ridemarket.service.pool.DecisionPool;
import org.ridemarket.service.pool.WorkRefusedException;
import org.ridemarket.service.rest.ServiceUnavailableException;
import org.ridemarket.service.vertx.VertxContexts;

/**
 * Gives ETAs: the routing baseline and, after one pipelined Redis read of the crossed cells'
 * congestion, the training job's row ({@link EtaScoring}) and three ONNX runs (point, p10, p90); routing
 * and scoring run on the decision pool, never on an event loop. Never fails once the
 * request is valid: when Redis or a model fails, the answer is the baseline with a wide range,
 * flagged degraded. Every answer is published, and remembered for the accuracy join when it has a trip id.
 */
@ApplicationScoped
public class EtaService {

  private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  private final EtaRouter router;
  private final CongestionRepository congestion;
  private final EtaModels models;
  private final EtaEvents events;
  private final PredictionJoin join;
  private final EtaMetrics metrics;
  private final DecisionMetrics serving;
  private final DecisionPool pool;
  private final EtaConfig.Degraded degradedRange;
  private final RateLimitedLog degradedLog = new RateLimitedLog(Logger.getLogger(EtaService.class));
  // Apart, so that a steady trickle of malformed hashes never hides the start of an outage.
  private final RateLimitedLog malformedLog = new RateLimitedLog(Logger.getLogger(EtaService.class));

  EtaService(EtaRouter router, CongestionRepository congestion, EtaModels models, EtaEvents events,
      PredictionJoin join, EtaMetrics metrics, DecisionMetrics serving, DecisionPool pool, EtaConfig config) {
    this.serving = serving;
    this.pool = pool;
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

  /**
   * The ETA of a validated request: routing and scoring on the decision pool, the Redis read between.
   *
   * @return a Uni that fails with {@link ServiceUnavailableException} only when not even the routing
   *     baseline could be computed in time (the pool is saturated or slow); every later failure degrades
   */
  @WithSpan("EtaService.estimate")
  public Uni<Eta> estimate(EtaRequest request, Deadline deadline) {
    long started = System.nanoTime();
    Executor context = VertxContexts.current();
    return pool.compute(deadline, () -> route(request))
        .onFailure(WorkRefusedException.class).transform(failure -> {
          serving.refused("overload");
          return new ServiceUnavailableException("no routing capacity within the deadline, retry", RETRY_AFTER);
        })
        .chain(trip -> {
          List<String> cells = trip.route().distinctCells();
          return serving.timeFeatureRead(() -> congestion.findAll(cells, deadline))
              .chain(hashes -> pool.compute(deadline, () -> predicted(request, trip,
                  CongestionRepository.parse(cells, hashes))))
              .onFailure().recoverWithItem(failure -> degraded(request, trip, failure));
        })
        .emitOn(context)
        .invoke(eta -> {
          events.publish(eta);
          join.remember(eta);
          serving.answered(System.nanoTime() - started, eta.degraded());
        });
  }

  /**
   * The ETA {@code request} would get with no congestion known, computed on the calling thread and
   * neither published, remembered nor counted: the warm-up's rehearsal of an ETA's own CPU work (ADR 0031):
   * routing, the model's row, the answer. The core rehearses the Redis read and the models.
   */
  public Eta rehearse(EtaRequest request) {
    TripRoute trip = router.route(request.origin(), request.destination(), request.departure());
    List<String> cells = trip.route().distinctCells();
    row(request, trip, CongestionRepository.parse(cells,
        cells.stream().map(cell -> Map.<String, String>of()).toList()));
    EtaRange range = EtaRange.degraded(trip.route().durationSeconds(), degradedRange.p10Factor(),
        degradedRange.p90Factor());
    return newEta(request, trip, range, null, false);
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
    float[] row = row(request, trip, reading);
    long started = System.nanoTime();
    EtaModels.Residuals residuals = models.predict(row);
    serving.inferred(System.nanoTime() - started);
    double baseline = route.durationSeconds();
    EtaRange range = EtaRange.sorted(EtaScoring.seconds(baseline, residuals.point()),
        EtaScoring.seconds(baseline, residuals.p10()), EtaScoring.seconds(baseline, residuals.p90()));
    return newEta(request, trip, range, residuals.modelId(), false);
  }

  // The training job's row for this trip and the congestion read for its cells.
  private static float[] row(EtaRequest request, TripRoute trip, CongestionReading reading) {
    return EtaScoring.toFloats(EtaScoring.values(trip.route(), request.departure(), reading.cells(),
        reading.readAtMillis(), trip.mapFree()));
  }

  private Eta degraded(EtaRequest request, TripRoute trip, Throwable failure) {
    String reason = DecisionMetrics.reasonOf(failure);
    serving.degraded(reason);
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
}
