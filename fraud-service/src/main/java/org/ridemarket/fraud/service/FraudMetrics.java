package org.ridemarket.fraud.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.ridemarket.contracts.events.FraudDecision;
import org.ridemarket.service.metrics.DecisionMetrics;

/**
 * Fraud's own meters (decisions by outcome, replays) beside the serving core's, which keep fraud's
 * names ({@code fraud_score_latency_seconds}, {@code fraud_features_read_seconds}, ...).
 */
@ApplicationScoped
public class FraudMetrics {

  private final MeterRegistry registry;
  private final Counter replays;

  FraudMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.replays = Counter.builder("fraud.decisions.replayed")
        .description("Scoring requests answered with an already recorded decision (same transaction id and payload)")
        .register(registry);
  }

  @Produces
  @Singleton
  static DecisionMetrics decisionMetrics(MeterRegistry registry) {
    return new DecisionMetrics(registry, "fraud", "fraud.score.latency");
  }

  /** A new decision was recorded. */
  public void decided(FraudDecision decision, boolean degraded) {
    Counter.builder("fraud.decisions").description("New decisions recorded, by outcome and whether degraded")
        .tag("decision", decision.name()).tag("degraded", Boolean.toString(degraded)).register(registry).increment();
  }

  /** A request was answered with its recorded decision. */
  public void replayed() {
    replays.increment();
  }
}
