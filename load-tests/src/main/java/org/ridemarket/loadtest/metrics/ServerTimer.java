package org.ridemarket.loadtest.metrics;

import java.util.Map;
import java.util.NavigableMap;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * A Micrometer timer of the service under load, by its Micrometer name and tags, e.g.
 * {@code pricing.features.read}, published with percentiles 0.5, 0.99 and 0.999.
 *
 * @param name the Micrometer name
 * @param tags tags that select one series, e.g. {@code degraded=false}; empty for an untagged timer
 */
public record ServerTimer(String name, Map<String, String> tags) {

  public ServerTimer {
    tags = Map.copyOf(tags);
  }

  /** An untagged timer. */
  public static ServerTimer of(String name) {
    return new ServerTimer(name, Map.of());
  }

  /** Its name in Prometheus text: dots to underscores, base unit seconds. */
  public String prometheusName() {
    return name.replace('.', '_') + "_seconds";
  }

  /** As the report shows it: {@code pricing.quote.latency{degraded=false}}. */
  public String label() {
    if (tags.isEmpty()) {
      return name;
    }
    StringJoiner text = new StringJoiner(",", name + "{", "}");
    new TreeMap<>(tags).forEach((k, v) -> text.add(k + "=" + v));
    return text.toString();
  }

  /** This timer's values in {@code metrics}. */
  public TimerSnapshot readFrom(PrometheusText metrics) {
    String base = prometheusName();
    return new TimerSnapshot(this,
        metrics.find(base + "_count", tags).map(PrometheusText.Sample::value).orElse(Double.NaN),
        metrics.find(base + "_sum", tags).map(PrometheusText.Sample::value).orElse(Double.NaN),
        quantile(metrics, base, 0.5), quantile(metrics, base, 0.99), quantile(metrics, base, 0.999),
        metrics.find(base + "_max", tags).map(PrometheusText.Sample::value).orElse(Double.NaN),
        buckets(metrics, base));
  }

  private NavigableMap<Double, Double> buckets(PrometheusText metrics, String base) {
    NavigableMap<Double, Double> buckets = new TreeMap<>();
    metrics.samples().stream()
        .filter(s -> s.name().equals(base + "_bucket") && s.hasLabels(tags) && s.labels().containsKey("le"))
        .forEach(s -> {
          double le = PrometheusText.labelNumber(s.labels().get("le"));
          if (!Double.isNaN(le)) {
            buckets.put(le, s.value());
          }
        });
    return buckets;
  }

  // Micrometer publishes the percentiles as samples of the base name with a quantile label.
  private double quantile(PrometheusText metrics, String base, double wanted) {
    return metrics.samples().stream()
        .filter(s -> s.name().equals(base) && s.hasLabels(tags) && s.labels().containsKey("quantile"))
        .filter(s -> PrometheusText.labelNumber(s.labels().get("quantile")) == wanted)
        .mapToDouble(PrometheusText.Sample::value).findFirst().orElse(Double.NaN);
  }
}
