package org.ridemarket.loadtest.measure;

import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.ridemarket.loadtest.Millis;

/**
 * The client-side numbers of one measured phase, and the one line that reports them.
 *
 * @param endpoint what was loaded, e.g. {@code quote}
 * @param rate offered requests per second
 * @param plannedSeconds length of the measured phase
 * @param sent requests started
 * @param ok requests answered as expected
 * @param errors failed requests by kind ({@code HTTP 503}, {@code no response}, ...)
 * @param degraded expected answers that said they were degraded
 * @param p50 median latency, ms, from each request's due time
 * @param p99 99th percentile, ms
 * @param p999 99.9th percentile, ms
 * @param max highest latency, ms
 * @param achieved answers as expected per second, from the first request's start to the last answer
 * @param maxLag how late the generator started its latest request against the schedule, ms
 */
public record PhaseResult(String endpoint, int rate, long plannedSeconds, long sent, long ok, Map<String, Long> errors,
    long degraded, double p50, double p99, double p999, double max, double achieved, double maxLag) {

  public PhaseResult {
    errors = Map.copyOf(errors);
  }

  /** Failed requests of every kind. */
  public long errorCount() {
    return errors.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * One line to paste into a note, e.g. {@code quote @ 500/s for 60 s: p50 2.31 ms, p99 8.40 ms,
   * p99.9 31.2 ms, max 55.0 ms; 499.8/s achieved (30000 sent, 29998 ok, 2 errors: HTTP 503 x2);
   * degraded 0.0%; generator lag max 0.40 ms}.
   */
  public String line() {
    return String.format(Locale.ROOT,
        "%s @ %d/s for %d s: p50 %s ms, p99 %s ms, p99.9 %s ms, max %s ms; %.1f/s achieved (%d sent, %d ok, %s); "
            + "degraded %.1f%%; generator lag max %.2f ms",
        endpoint, rate, plannedSeconds, ms(p50), ms(p99), ms(p999), ms(max), achieved, sent, ok, errorText(),
        ok == 0 ? 0.0 : 100.0 * degraded / ok, maxLag);
  }

  private String errorText() {
    long count = errorCount();
    if (count == 0) {
      return "0 errors";
    }
    StringJoiner kinds = new StringJoiner(", ", count + (count == 1 ? " error: " : " errors: "), "");
    errors.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey())).forEach(e -> kinds.add(e.getKey() + " x" + e.getValue()));
    return kinds.toString();
  }

  private static String ms(double millis) {
    return Millis.text(millis);
  }
}
