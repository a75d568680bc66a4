package org.ridemarket.loadtest.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The outcomes of one load split by the phase of its timeline each request was due in, with how late
 * the generator sent requests against their due times (its scheduling lag, already inside every
 * latency, reported so a starved generator is visible).
 */
public final class PhasedOutcomes implements Sink {

  private final Timeline timeline;
  private final Map<String, Outcomes> phases = new LinkedHashMap<>();
  private final Map<String, Histogram> lags = new LinkedHashMap<>();

  /** Outcomes per phase of {@code timeline}, answers later than {@code lateAfterMicros} counted. */
  public PhasedOutcomes(Timeline timeline, long lateAfterMicros) {
    this.timeline = timeline;
    for (String phase : timeline.names()) {
      phases.put(phase, new Outcomes(lateAfterMicros));
      lags.put(phase, new Histogram(3));
    }
  }

  /** Outcomes per phase without a lateness threshold. */
  public PhasedOutcomes(Timeline timeline) {
    this(timeline, Long.MAX_VALUE);
  }

  @Override
  public void sent(long dueNanos, long sentNanos) {
    lags.get(timeline.phaseAt(dueNanos)).recordValue(Math.max(0, (sentNanos - dueNanos) / 1_000));
  }

  @Override
  public void answered(long dueNanos, long endNanos, int status, boolean retryAfter, boolean degraded) {
    phases.get(timeline.phaseAt(dueNanos)).answered(dueNanos, endNanos, status, retryAfter, degraded);
  }

  @Override
  public void failed(long dueNanos, long endNanos, String kind) {
    phases.get(timeline.phaseAt(dueNanos)).failed(dueNanos, endNanos, kind);
  }

  /** The outcomes of requests due in {@code phase}. */
  public Outcomes in(String phase) {
    Outcomes outcomes = phases.get(phase);
    if (outcomes == null) {
      throw new IllegalArgumentException("no phase " + phase + " in " + phases.keySet());
    }
    return outcomes;
  }

  /** Scheduling lag of {@code phase}: p50, p99 and max, ms. */
  public Lag lagIn(String phase) {
    Histogram lag = lags.get(phase);
    return lag.getTotalCount() == 0 ? new Lag(Double.NaN, Double.NaN, Double.NaN)
        : new Lag(lag.getValueAtPercentile(50) / 1_000.0, lag.getValueAtPercentile(99) / 1_000.0,
            lag.getMaxValue() / 1_000.0);
  }

  /**
   * How late the generator sent requests against the schedule.
   *
   * @param p50Millis median, ms: the timer's own wake-up delay, a floor under every latency
   * @param p99Millis 99th percentile, ms
   * @param maxMillis worst, ms
   */
  public record Lag(double p50Millis, double p99Millis, double maxMillis) {
  }
}
