package org.ridemarket.pricing.service;

import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;
import org.ridemarket.pricing.CellFeatures;
import org.ridemarket.pricing.SurgeDecision;
import org.ridemarket.pricing.SurgeSource;
import org.ridemarket.pricing.config.PricingConfig;
import org.ridemarket.pricing.inference.ModelUnavailableException;
import org.ridemarket.pricing.inference.SurgeModels;
import org.ridemarket.pricing.repository.FeatureStoreException;
import org.ridemarket.pricing.repository.SupplyDemandRepository;
import org.ridemarket.service.logging.RateLimitedLog;
import org.ridemarket.service.onnx.OnnxModel;
import org.ridemarket.service.vertx.VertxContexts;

/**
 * Decides a cell's surge multiplier: one Redis read, one ONNX run, then the policy. Never fails:
 * when Redis or the model does, the cell gets its last published multiplier (or 1.0), flagged as a
 * fallback.
 */
@ApplicationScoped
public class SurgeService {

  private final SupplyDemandRepository features;
  private final SurgeModels models;
  private final CellSurgeMemory memory;
  private final PricingMetrics metrics;
  private final Duration maxAge;
  private final RateLimitedLog degradedLog = new RateLimitedLog(Logger.getLogger(SurgeService.class));

  SurgeService(SupplyDemandRepository features, SurgeModels models, CellSurgeMemory memory, PricingMetrics metrics,
      PricingConfig config) {
    this.features = features;
    this.models = models;
    this.memory = memory;
    this.metrics = metrics;
    this.maxAge = config.features().maxAge();
  }

  /** The multiplier of one cell, for a quote. */
  @WithSpan("SurgeService.forCell")
  public Uni<SurgeDecision> forCell(@SpanAttribute("cell") String cell) {
    Executor context = VertxContexts.current();
    long started = System.nanoTime();
    return features.find(cell)
        .onTermination().invoke(() -> metrics.featuresRead(System.nanoTime() - started))
        // Lettuce completes on its own thread; persistence afterwards needs the request's Vert.x context.
        .emitOn(context)
        .map(reading -> decide(List.of(cell), Map.of(cell, reading)).get(cell))
        .onFailure().recoverWithItem(failure -> fallback(List.of(cell), failure).get(cell));
  }

  /** The multipliers of several cells (the surge map), from one pipelined read and one batched run. */
  @WithSpan("SurgeService.forCells")
  public Uni<Map<String, SurgeDecision>> forCells(List<String> cells) {
    Executor context = VertxContexts.current();
    long started = System.nanoTime();
    return features.findAll(cells)
        .onTermination().invoke(() -> metrics.featuresRead(System.nanoTime() - started))
        .emitOn(context)
        .map(readings -> decide(cells, readings))
        .onFailure().recoverWithItem(failure -> fallback(cells, failure));
  }

  private Map<String, SurgeDecision> decide(List<String> cells, Map<String, Optional<CellFeatures>> readings) {
    Instant now = Instant.now();
    String modelId = models.current().map(OnnxModel::id).orElse(null);
    Map<String, SurgeDecision> decisions = new LinkedHashMap<>();
    List<String> active = new ArrayList<>();
    List<float[]> rows = new ArrayList<>();
    for (String cell : cells) {
      Optional<CellFeatures> reading = readings.getOrDefault(cell, Optional.empty());
      if (reading.isPresent() && reading.get().freshAt(now, maxAge)) {
        active.add(cell);
        rows.add(reading.get().snapshot().toFloats());
      } else {
        // No hash, or none written lately: a cell without recent activity has no surge.
        decisions.put(cell, new SurgeDecision(memory.calm(cell), SurgeSource.CALM_CELL, modelId));
      }
    }
    if (!active.isEmpty()) {
      long started = System.nanoTime();
      SurgeModels.Prediction prediction = models.predict(rows.toArray(float[][]::new));
      metrics.inferred(System.nanoTime() - started);
      for (int i = 0; i < active.size(); i++) {
        double multiplier = memory.publish(active.get(i), prediction.values()[i]);
        decisions.put(active.get(i), new SurgeDecision(multiplier, SurgeSource.MODEL, prediction.modelId()));
      }
    }
    return decisions;
  }

  private Map<String, SurgeDecision> fallback(List<String> cells, Throwable failure) {
    String reason = reasonOf(failure);
    metrics.degraded(reason);
    degradedLog.degraded("surge answered from fallback", reason, failure);
    String modelId = models.current().map(OnnxModel::id).orElse(null);
    Map<String, SurgeDecision> decisions = new LinkedHashMap<>();
    for (String cell : cells) {
      OptionalDouble last = memory.lastKnown(cell);
      decisions.put(cell, last.isPresent()
          ? new SurgeDecision(last.getAsDouble(), SurgeSource.LAST_KNOWN, modelId)
          : new SurgeDecision(1.0, SurgeSource.DEFAULT, modelId));
    }
    return decisions;
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
