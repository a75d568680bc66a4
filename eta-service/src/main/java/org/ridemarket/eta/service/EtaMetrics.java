package org.ridemarket.eta.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;
import org.ridemarket.service.metrics.DecisionMetrics;

/**
 * The ETA's own meters (routing, unparsable congestion hashes, prediction events not sent) beside the
 * serving core's, which keep the ETA's names ({@code eta_request_latency_seconds}, {@code eta_degraded_total}, ...).
 */
@ApplicationScoped
public class EtaMetrics {

  private final Timer route;
  private final Counter malformedHashes;
  private final Counter eventFailures;

  EtaMetrics(MeterRegistry registry) {
    this.route = Timer.builder("eta.route").description("One routing baseline (GraphHopper or map-free)")
        .publishPercentileHistogram().publishPercentiles(0.5, 0.99, 0.999).register(registry);
    this.malformedHashes = Counter.builder("eta.features.malformed")
        .description("Congestion hashes that did not parse and were read as unknown cells").register(registry);
    this.eventFailures = Counter.builder("eta.prediction.events.failed")
        .description("EtaPredicted events Kafka did not accept (the ETAs themselves were answered)").register(registry);
  }

  @Produces
  @Singleton
  static DecisionMetrics decisionMetrics(MeterRegistry registry) {
    return new DecisionMetrics(registry, "eta", "eta.request.latency");
  }

  /** A route took {@code nanos}. */
  public void routed(long nanos) {
    route.record(nanos, TimeUnit.NANOSECONDS);
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
