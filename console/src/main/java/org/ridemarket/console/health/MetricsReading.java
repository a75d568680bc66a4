package org.ridemarket.console.health;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the console reads from one scrape of a service's metrics: the models in service, the cumulative
 * counts of answered and degraded decisions, ETA accuracy, feature freshness and consumer lag.
 *
 * @param models model name to the version in service ({@code serving_model_info})
 * @param answered decisions answered so far (every {@code *_latency_seconds_count} with a {@code degraded} label)
 * @param degraded of which degraded
 * @param etaMaeSeconds eta-service's rolling MAE, NaN when absent
 * @param etaCoverage eta-service's rolling p10-p90 coverage, NaN when absent
 * @param freshnessP50 feature family to the median freshness in seconds (feature-streams)
 * @param freshnessP99 feature family to the 99th percentile freshness in seconds
 * @param consumerLag the largest records-lag of any consumer of the service, NaN when absent
 */
public record MetricsReading(Map<String, String> models, double answered, double degraded, double etaMaeSeconds,
    double etaCoverage, Map<String, Double> freshnessP50, Map<String, Double> freshnessP99, double consumerLag) {

  // The metrics from() reads; reads() names the same ones, so a scrape parsed for it leaves out nothing it reads.
  private static final String MODELS = "serving_model_info";
  private static final String LATENCY_COUNT = "_latency_seconds_count";
  private static final String FRESHNESS = "feature_freshness_seconds";
  private static final String ETA_MAE = "eta_accuracy_mae_seconds";
  private static final String ETA_COVERAGE = "eta_accuracy_p10_p90_coverage";
  private static final String LAG = "kafka_consumer_fetch_manager_records_lag_max";
  private static final Set<String> READ = Set.of(MODELS, FRESHNESS, ETA_MAE, ETA_COVERAGE, LAG);

  /** Whether {@link #from} reads metric {@code name}: the lines to parse of a scrape. */
  public static boolean reads(String name) {
    return READ.contains(name) || name.endsWith(LATENCY_COUNT);
  }

  /** Reads a scrape. */
  public static MetricsReading from(PrometheusText metrics) {
    Map<String, String> models = new TreeMap<>();
    metrics.all(MODELS).forEach(sample ->
        models.put(sample.labels().getOrDefault("model", "?"), sample.labels().getOrDefault("id", "?")));
    double answered = 0;
    double degraded = 0;
    for (String name : metrics.names()) {
      if (name.endsWith(LATENCY_COUNT)) {
        answered += metrics.sum(name, labels -> labels.containsKey("degraded")).orElse(0);
        degraded += metrics.sum(name, labels -> "true".equals(labels.get("degraded"))).orElse(0);
      }
    }
    Map<String, Double> p50 = new TreeMap<>();
    Map<String, Double> p99 = new TreeMap<>();
    metrics.all(FRESHNESS).forEach(sample -> {
      String family = sample.labels().getOrDefault("family", "?");
      if ("0.5".equals(sample.labels().get("quantile"))) {
        p50.put(family, sample.value());
      } else if ("0.99".equals(sample.labels().get("quantile"))) {
        p99.put(family, sample.value());
      }
    });
    return new MetricsReading(models, answered, degraded, orNaN(metrics.max(ETA_MAE, l -> true)),
        orNaN(metrics.max(ETA_COVERAGE, l -> true)), p50, p99,
        orNaN(metrics.max(LAG, l -> true)));
  }

  /** The share of decisions answered degraded since {@code previous}; null when none was answered. */
  public Double degradedShareSince(MetricsReading previous) {
    double answeredSince = previous == null ? answered : answered - previous.answered;
    double degradedSince = previous == null ? degraded : degraded - previous.degraded;
    if (answeredSince <= 0) {
      return null;
    }
    return Math.max(0, Math.min(1, degradedSince / answeredSince));
  }

  private static double orNaN(OptionalDouble value) {
    return value.orElse(Double.NaN);
  }
}
