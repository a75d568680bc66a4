package org.ridemarket.pricing.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.ridemarket.service.metrics.DecisionMetrics;

/** The serving core's meters under pricing's names ({@code pricing_quote_latency_seconds} and the rest). */
public class PricingMeters {

  @Produces
  @Singleton
  DecisionMetrics metrics(MeterRegistry registry) {
    return new DecisionMetrics(registry, "pricing", "pricing.quote.latency");
  }
}
