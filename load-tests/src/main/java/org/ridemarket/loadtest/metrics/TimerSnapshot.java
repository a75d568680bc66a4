package org.ridemarket.loadtest.metrics;

import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.ridemarket.loadtest.Millis;

/**
 * One scrape of a server timer, in seconds as Prometheus has it. The quantiles and the max are
 * Micrometer's own, over its decaying window (the last one to two minutes by default), so they may
 * still hold an earlier phase; count, sum and the histogram buckets are cumulative, so two scrapes
 * give the exact count, mean and bucketed quantiles of what happened between them.
 *
 * @param timer the timer
 * @param count timings recorded since the service started, NaN when the timer is absent
 * @param sum their total, seconds
 * @param p50 median, seconds
 * @param p99 99th percentile, seconds
 * @param p999 99.9th percentile, seconds
 * @param max highest in the window, seconds
 * @param buckets cumulative count at or under each upper bound (le), seconds; empty without a histogram
 */
public record TimerSnapshot(ServerTimer timer, double count, double sum, double p50, double p99, double p999,
    double max, NavigableMap<Double, Double> buckets) {

  public TimerSnapshot {
    buckets = new TreeMap<>(buckets);
  }

  /** True when the service publishes this timer. */
  public boolean present() {
    return !Double.isNaN(count);
  }

  /**
   * The line for the report, with what happened since {@code before}, the scrape at the start of the
   * phase: {@code server pricing.features.read: p50 0.52 ms, p99 18.9 ms, p99.9 46.1 ms, max 144 ms
   * (service's window); this phase: 525 timed, mean 1.10 ms, p50 <= 1.00 ms, p99 <= 20.1 ms, p99.9 <= 50.3 ms}.
   */
  public String lineSince(TimerSnapshot before) {
    String name = "server " + timer.label() + ": ";
    if (!present()) {
      return name + "not published (no " + timer.prometheusName() + " in the metrics)";
    }
    long timed = before.present() ? Math.round(count - before.count) : -1;
    if (timed == 0) {
      return name + "none in this phase";
    }
    String line = name + String.format(Locale.ROOT, "p50 %s ms, p99 %s ms, p99.9 %s ms, max %s ms (service's window)",
        ms(p50), ms(p99), ms(p999), ms(max));
    if (timed < 0) {
      return line + "; no scrape before the phase";
    }
    return line + String.format(Locale.ROOT, "; this phase: %d timed, mean %s ms, p50 %s ms, p99 %s ms, p99.9 %s ms",
        timed, ms((sum - before.sum) / timed), bucketed(before, 0.5), bucketed(before, 0.99),
        bucketed(before, 0.999));
  }

  /** Upper bound of the bucket holding the {@code quantile} of the timings since {@code before}, seconds. */
  double bucketQuantileSince(TimerSnapshot before, double quantile) {
    double total = count - before.count;
    double previousBound = Double.NaN;
    for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
      double inPhase = bucket.getValue() - before.buckets.getOrDefault(bucket.getKey(), 0.0);
      if (inPhase >= quantile * total) {
        return bucket.getKey().isInfinite() ? -previousBound : bucket.getKey();
      }
      previousBound = bucket.getKey();
    }
    return Double.NaN;
  }

  // "<= 5.59" from the buckets; "> 30000" when it lies past the last finite bound.
  private String bucketed(TimerSnapshot before, double quantile) {
    double bound = bucketQuantileSince(before, quantile);
    if (Double.isNaN(bound)) {
      return "-";
    }
    return bound < 0 ? "> " + ms(-bound) : "<= " + ms(bound);
  }

  private static String ms(double seconds) {
    return Millis.text(seconds * 1_000);
  }
}
