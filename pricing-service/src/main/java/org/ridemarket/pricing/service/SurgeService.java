package org.ridemarket.pricing.service;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.jboss.logging.Logger;
import org.ridemarket.contracts.features.SupplyDemandFeatures;
import org.ridemarket.pricing.CellFeatures;
import org.ridemarket.pricing.SurgeDecision;
import org.ridemarket.pricing.SurgeSource;
import org.ridemarket.pricing.config.PricingConfig;
import org.ridemarket.pricing.repository.CellSurgeState;
import org.ridemarket.pricing.repository.SupplyDemandRepository;
import org.ridemarket.pricing.repository.SupplyDemandRepository.CellReadings;
import org.ridemarket.service.deadline.Deadline;
import org.ridemarket.service.logging.RateLimitedLog;
import org.ridemarket.service.metrics.DecisionMetrics;
import org.ridemarket.service.onnx.ModelLease;
import org.ridemarket.service.onnx.ModelSlot;
import org.ridemarket.service.onnx.ModelUnavailableException;
import org.ridemarket.service.onnx.ServedModels;
import org.ridemarket.service.pool.DecisionPool;
import org.ridemarket.service.redis.FeatureStoreException;

/**
 * Decides cells' surge multipliers: one pipelined Redis read (features and surge state), then, on the
 * decision pool, one batched ONNX run and the policy. Never fails: when Redis, the model or the pool
 * does, a cell gets its last known multiplier (or 1.0), flagged as a fallback.
 */
@ApplicationScoped
public class SurgeService {

  private final SupplyDemandRepository features;
  private final ServedModels models;
  private final DecisionPool pool;
  private final CellSurgeState state;
  private final DecisionMetrics metrics;
  private final Tracer tracer;
  private final PricingConfig.Model modelConfig;
  private final Duration maxAge;
  private final RateLimitedLog degradedLog = new RateLimitedLog(Logger.getLogger(SurgeService.class));
  private volatile ModelSlot model;

  SurgeService(SupplyDemandRepository features, ServedModels models, DecisionPool pool, CellSurgeState state,
      DecisionMetrics metrics, Tracer tracer, PricingConfig config) {
    this.features = features;
    this.models = models;
    this.pool = pool;
    this.state = state;
    this.metrics = metrics;
    this.tracer = tracer;
    this.modelConfig = config.model();
    this.maxAge = config.features().maxAge();
  }

  void start(@Observes StartupEvent started) {
    model = models.serve(modelConfig.name(), modelConfig.version(), SupplyDemandFeatures.NAMES);
  }

  /** The multiplier of one cell, for a quote. */
  public Uni<SurgeDecision> forCell(String cell, Deadline deadline) {
    return forCells(List.of(cell), deadline).map(decisions -> decisions.get(cell));
  }

  /** The multipliers of several cells (the surge map), from one pipelined read and one batched run. */
  @WithSpan("SurgeService.forCells")
  public Uni<Map<String, SurgeDecision>> forCells(List<String> cells, Deadline deadline) {
    return metrics.timeFeatureRead(() -> features.findAll(cells, deadline))
        .chain(readings -> pool.compute(deadline, () -> decide(readings)))
        .onFailure().recoverWithItem(failure -> fallback(cells, failure));
  }

  // On the decision pool: parsing, one ONNX run for the active cells, the policy.
  private Map<String, SurgeDecision> decide(CellReadings readings) {
    Instant now = Instant.now();
    List<String> cells = readings.cells();
    Map<String, SurgeDecision> decisions = new LinkedHashMap<>();
    List<Integer> active = new ArrayList<>();
    List<float[]> rows = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      Map<String, String> hash = readings.features(i);
      CellFeatures reading = hash.isEmpty() ? null : parse(cells.get(i), hash);
      if (reading != null && reading.freshAt(now, maxAge)) {
        active.add(i);
        rows.add(reading.snapshot().toFloats());
      } else {
        // No hash, or none written lately: a cell without recent activity has no surge.
        decisions.put(cells.get(i), new SurgeDecision(state.calm(cells.get(i), readings.state(i)), SurgeSource.CALM_CELL,
            model.currentId().orElse(null)));
      }
    }
    if (!active.isEmpty()) {
      try (ModelLease lease = model.lease().orElseThrow(() -> new ModelUnavailableException(
          model.unavailableReason().orElse("no surge model")))) {
        long started = System.nanoTime();
        float[] values = score(lease, rows);
        metrics.inferred(System.nanoTime() - started);
        for (int j = 0; j < active.size(); j++) {
          int i = active.get(j);
          double multiplier = state.publish(cells.get(i), values[j], readings.state(i));
          decisions.put(cells.get(i), new SurgeDecision(multiplier, SurgeSource.MODEL, lease.model().id()));
        }
      }
    }
    return decisions;
  }

  // The ONNX run gets a span of its own (a child of forCells, whose context the pool carried here): in a
  // trace it separates the inference from the wait for the pool. A no-op when tracing is off.
  private float[] score(ModelLease lease, List<float[]> rows) {
    Span span = tracer.spanBuilder("SurgeModel.score").setAttribute("model.id", lease.model().id())
        .setAttribute("model.rows", rows.size()).startSpan();
    try {
      return rows.size() == 1 ? new float[] {lease.score(rows.get(0))} : lease.score(rows.toArray(float[][]::new));
    } finally {
      span.end();
    }
  }

  private Map<String, SurgeDecision> fallback(List<String> cells, Throwable failure) {
    String reason = DecisionMetrics.reasonOf(failure);
    metrics.degraded(reason);
    degradedLog.degraded("surge answered from fallback", reason, failure);
    String modelId = model == null ? null : model.currentId().orElse(null);
    Map<String, SurgeDecision> decisions = new LinkedHashMap<>();
    for (String cell : cells) {
      OptionalDouble last = state.lastKnown(cell);
      decisions.put(cell, last.isPresent()
          ? new SurgeDecision(last.getAsDouble(), SurgeSource.LAST_KNOWN, modelId)
          : new SurgeDecision(1.0, SurgeSource.DEFAULT, modelId));
    }
    return decisions;
  }

  private static CellFeatures parse(String cell, Map<String, String> hash) {
    try {
      return CellFeatures.fromRedisHash(cell, hash);
    } catch (IllegalArgumentException e) {
      throw new FeatureStoreException(e.getMessage(), e);
    }
  }
}
