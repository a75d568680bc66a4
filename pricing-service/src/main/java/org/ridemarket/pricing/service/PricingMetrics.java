package org.ridemarket.pricing.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;

/**
 * The service's own meters (Prometheus at /q/metrics): quote latency, the cost of the Redis read and
 * of the inference, degraded answers by reason, and quote events that could not be sent.
 */
@ApplicationScoped
public class PricingMetrics {

  private final MeterRegistry registry;
  private final Timer quoteLatency;
  private final Timer degradedQuoteLatency;
  private final Timer featureRead;
  private final Timer inference;
  private final Counter eventFailures;

  PricingMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.quoteLatency = latency("pricing.quote.latency", "Server time of POST /quotes, Redis to PostgreSQL", "false");
    this.degradedQuoteLatency = latency("pricing.quote.latency", "Server time of POST /quotes, Redis to PostgreSQL", "true");
    this.featureRead = timer(Timer.builder("pricing.features.read").description("One Redis read of a cell's features"));
    this.inference = timer(Timer.builder("pricing.model.inference").description("One ONNX Runtime run of the surge model"));
    this.eventFailures = Counter.builder("pricing.quote.events.failed")
        .description("PriceQuoted events Kafka did not accept (the quotes themselves were recorded)").register(registry);
  }

  private Timer latency(String name, String description, String degraded) {
    return timer(Timer.builder(name).description(description).tag("degraded", degraded));
  }

  // Buckets for aggregation across instances, plus this instance's own p50/p99/p99.9 (the latency budget).
  private Timer timer(Timer.Builder builder) {
    return builder.publishPercentileHistogram().publishPercentiles(0.5, 0.99, 0.999).register(registry);
  }

  /** A quote was answered after {@code nanos}. */
  public void quoteAnswered(long nanos, boolean degraded) {
    (degraded ? degradedQuoteLatency : quoteLatency).record(nanos, TimeUnit.NANOSECONDS);
  }

  /** A Redis read took {@code nanos}, whatever its outcome. */
  public void featuresRead(long nanos) {
    featureRead.record(nanos, TimeUnit.NANOSECONDS);
  }

  /** An ONNX run took {@code nanos}. */
  public void inferred(long nanos) {
    inference.record(nanos, TimeUnit.NANOSECONDS);
  }

  /** A surge decision fell back; {@code reason} is features, model or internal. */
  public void degraded(String reason) {
    Counter.builder("pricing.surge.degraded").description("Surge decisions answered from a fallback, by reason")
        .tag("reason", reason).register(registry).increment();
  }

  /** A quote event was not accepted by Kafka. */
  public void eventFailed() {
    eventFailures.increment();
  }
}
