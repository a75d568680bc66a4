package org.ridemarket.features.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The field statistics of one source (an input topic or a feature family) as Prometheus gauges, one set per field,
 * registered when the field is first seen: the shift of its mean and of its 10th, 50th and 90th percentiles in
 * baseline standard deviations, its null/unknown share, and that share's shift, each over the last 10 complete
 * minutes against the 60 before them ({@link FieldWindow}).
 */
final class FieldStatistics {

  /** The gauges' names: one set for input topics, one for feature families (literal, so they can be found). */
  record Names(String sourceTag, String meanShift, String quantileShift, String missingShare, String missingShift) {
    static final Names INPUT = new Names("topic", "feature_input_field_mean_shift",
        "feature_input_field_quantile_shift", "feature_input_field_missing_share", "feature_input_field_missing_shift");
    static final Names VECTOR = new Names("family", "feature_vector_field_mean_shift",
        "feature_vector_field_quantile_shift", "feature_vector_field_missing_share",
        "feature_vector_field_missing_shift");
  }

  static final List<Double> QUANTILES = List.of(0.1, 0.5, 0.9);

  private final MeterRegistry registry;
  private final Names names;
  private final String source;
  private final Map<String, FieldWindow> fields = new ConcurrentHashMap<>();

  FieldStatistics(MeterRegistry registry, Names names, String source) {
    this.registry = registry;
    this.names = names;
    this.source = source;
  }

  void value(String field, long timeMillis, double value) {
    window(field).value(timeMillis, value);
  }

  void present(String field, long timeMillis) {
    window(field).present(timeMillis);
  }

  void missing(String field, long timeMillis) {
    window(field).missing(timeMillis);
  }

  private FieldWindow window(String field) {
    FieldWindow window = fields.get(field);
    return window != null ? window : fields.computeIfAbsent(field, this::register);
  }

  private FieldWindow register(String field) {
    FieldWindow window = new FieldWindow((source + "/" + field).hashCode());
    gauge(names.meanShift(), field, window, FieldWindow::meanShift).register(registry);
    for (double q : QUANTILES) {
      gauge(names.quantileShift(), field, window, w -> w.quantileShift(q)).tag("quantile", Double.toString(q))
          .register(registry);
    }
    gauge(names.missingShare(), field, window, FieldWindow::missingShare).register(registry);
    gauge(names.missingShift(), field, window, FieldWindow::missingShift).register(registry);
    return window;
  }

  private Gauge.Builder<FieldWindow> gauge(String name, String field, FieldWindow window,
      java.util.function.ToDoubleFunction<FieldWindow> statistic) {
    return Gauge.builder(name, window, statistic).tag(names.sourceTag(), source).tag("field", field).strongReference(true);
  }
}
