package org.ridemarket.eta.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;

/**
 * The service's own meters (Prometheus at /q/metrics): request latency, the cost of routing, of the
 * Redis read and of the inference, degraded answers by reason, unparsable congestion hashes, and
 * prediction events that could not be sent.
 */
@ApplicationScoped
public class EtaMetrics {

  private final MeterRegistry registry;
  private final Timer latency;
  private final Timer degradedLatency;
  private final Timer route;
  private final Timer featureRead;
  private final Timer inference;
  private final Counter malformedHashes;
  private final Counter eventFailures;

  EtaMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.latency = timer(Timer.builder("eta.request.latency").description("Server time of POST /eta").tag("degraded", "false"));
    this.degradedLatency = timer(Timer.builder("eta.request.latency").description("Server time of POST /eta")
        .tag("degraded", "true"));
    this.route = timer(Timer.builder("eta.route").description("One routing baseline (GraphHopper or map-free)"));
    this.featureRead = timer(Timer.builder("eta.features.read")
        .description("One pipelined Redis read of a route's congestion hashes"));
    this.inference = timer(Timer.builder("eta.model.inference")
        .description("ONNX Runtime runs of the point, p10 and p90 models for one request"));
    this.malformedHashes = Counter.builder("eta.features.malformed")
        .description("Congestion hashes that did not parse and were read as unknown cells").register(registry);
    this.eventFailures = Counter.builder("eta.prediction.events.failed")
        .description("EtaPredicted events Kafka did not accept (the ETAs themselves were answered)").register(registry);
  }

  // Buckets for aggregation across instances, plus this instance's own p50/p99/p99.9 (the latency budget).
  private Timer timer(Timer.Builder builder) {
    return builder.publishPercentileHistogram().publishPercentiles(0.5, 0.99, 0.999).register(registry);
  }

  /** An ETA was answered after {@code nanos}. */
  public void answered(long nanos, boolean degraded) {
    (degraded ? degradedLatency : latency).record(nanos, TimeUnit.NANOSECONDS);
  }

  /** A route took {@code nanos}. */
  public void routed(long nanos) {
    route.record(nanos, TimeUnit.NANOSECONDS);
  }

  /** A Redis read took {@code nanos}, whatever its outcome. */
  public void featuresRead(long nanos) {
    featureRead.record(nanos, TimeUnit.NANOSECONDS);
  }

  /** The three ONNX runs of a request took {@code nanos}. */
  public void inferred(long nanos) {
    inference.record(nanos, TimeUnit.NANOSECONDS);
  }

  /** An ETA fell back to the baseline; {@code reason} is features, model or internal. */
  public void degraded(String reason) {
    Counter.builder("eta.degraded").description("ETAs answered from the routing baseline, by reason")
        .tag("reason", reason).register(registry).increment();
  }

  /** {@code count} congestion hashes did not parse. */
  public void malformedHashes(int count) {
    malformedHashes.increment(count);
  }

  /** A prediction event was not accepted by Kafka. */
  public void eventFailed() {
    eventFailures.increment();
  }
}
