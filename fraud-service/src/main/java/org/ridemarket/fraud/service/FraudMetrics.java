package org.ridemarket.fraud.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import org.ridemarket.contracts.events.FraudDecision;

/**
 * The service's own meters (Prometheus at /q/metrics): decision latency, the cost of the Redis read and
 * of the inference, decisions by outcome, replays, and decision events that could not be sent.
 */
@ApplicationScoped
public class FraudMetrics {

  private final MeterRegistry registry;
  private final Timer scoreLatency;
  private final Timer degradedScoreLatency;
  private final Timer featureRead;
  private final Timer inference;
  private final Counter replays;
  private final Counter eventFailures;

  FraudMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.scoreLatency = latency("false");
    this.degradedScoreLatency = latency("true");
    this.featureRead = timer(Timer.builder("fraud.features.read")
        .description("One pipelined Redis read of a payment's card, user and device hashes"));
    this.inference = timer(Timer.builder("fraud.model.inference").description("One ONNX Runtime run of the fraud model"));
    this.replays = Counter.builder("fraud.decisions.replayed")
        .description("Requests answered with the decision already recorded for their transaction id").register(registry);
    this.eventFailures = Counter.builder("fraud.decision.events.failed")
        .description("FraudDecided events Kafka did not accept (the decisions themselves were recorded)")
        .register(registry);
  }

  private Timer latency(String degraded) {
    return timer(Timer.builder("fraud.score.latency").description("Server time of POST /payments/score, Redis to PostgreSQL")
        .tag("degraded", degraded));
  }

  // Buckets for aggregation across instances, plus this instance's own p50/p99/p99.9 (the latency budget).
  private Timer timer(Timer.Builder builder) {
    return builder.publishPercentileHistogram().publishPercentiles(0.5, 0.99, 0.999).register(registry);
  }

  /** A decision was answered after {@code nanos}. */
  public void answered(long nanos, boolean degraded) {
    (degraded ? degradedScoreLatency : scoreLatency).record(nanos, TimeUnit.NANOSECONDS);
  }

  /** A new decision was recorded. */
  public void decided(FraudDecision decision, boolean degraded) {
    Counter.builder("fraud.decisions").description("New decisions recorded, by outcome and whether degraded")
        .tag("decision", decision.name()).tag("degraded", Boolean.toString(degraded)).register(registry).increment();
  }

  /** A retry was answered with its recorded decision. */
  public void replayed() {
    replays.increment();
  }

  /** A Redis read took {@code nanos}, whatever its outcome. */
  public void featuresRead(long nanos) {
    featureRead.record(nanos, TimeUnit.NANOSECONDS);
  }

  /** An ONNX run took {@code nanos}. */
  public void inferred(long nanos) {
    inference.record(nanos, TimeUnit.NANOSECONDS);
  }

  /** A decision event was not accepted by Kafka. */
  public void eventFailed() {
    eventFailures.increment();
  }
}
