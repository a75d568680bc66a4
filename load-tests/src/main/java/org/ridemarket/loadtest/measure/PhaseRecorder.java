package org.ridemarket.loadtest.measure;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Client-side record of one measured phase at a fixed offered rate: latencies of the successful
 * answers counted from each request's due time, failures by kind, degraded answers, and how late the
 * generator itself started requests. Safe to call from all of Gatling's event loops at once.
 */
public final class PhaseRecorder {

  // Microseconds, three significant digits, up to a minute: well past any request timeout.
  private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(1);

  private final String endpoint;
  private final int rate;
  private final long plannedSeconds;
  private final AtomicLong started = new AtomicLong();
  private final AtomicLong firstStart = new AtomicLong(Long.MIN_VALUE);
  private final AtomicLong lastEnd = new AtomicLong(Long.MIN_VALUE);
  private final Histogram latencyMicros = new ConcurrentHistogram(MAX_MICROS, 3);
  private final Histogram lagMicros = new ConcurrentHistogram(MAX_MICROS, 3);
  private final LongAdder ok = new LongAdder();
  private final LongAdder degraded = new LongAdder();
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

  /** A recorder for {@code endpoint} offered {@code rate} requests a second for {@code plannedSeconds}. */
  public PhaseRecorder(String endpoint, int rate, long plannedSeconds) {
    this.endpoint = endpoint;
    this.rate = rate;
    this.plannedSeconds = plannedSeconds;
  }

  /**
   * A request starts at {@code nowNanos} ({@link System#nanoTime()}); returns when it was due, the
   * instant its latency counts from. The phase's first request fixes the schedule.
   */
  public Start start(long nowNanos) {
    long index = started.getAndIncrement();
    firstStart.compareAndSet(Long.MIN_VALUE, nowNanos);
    long due = firstStart.get() + OpenSchedule.offsetNanos(index, rate);
    if (nowNanos > due) {
      lagMicros.recordValue(Math.min(MAX_MICROS, (nowNanos - due) / 1_000));
      return new Start(index, due);
    }
    lagMicros.recordValue(0);
    // Early by a rounding or an ordering between event loops: never count less than the real wait.
    return new Start(index, nowNanos);
  }

  /** The request that was due at {@code dueNanos} was answered as expected at {@code nowNanos}. */
  public void succeeded(long dueNanos, long nowNanos, boolean wasDegraded) {
    latencyMicros.recordValue(Math.min(MAX_MICROS, Math.max(0, nowNanos - dueNanos) / 1_000));
    ok.increment();
    if (wasDegraded) {
      degraded.increment();
    }
    ended(nowNanos);
  }

  /** A request failed at {@code nowNanos}; {@code kind} names the failure, e.g. {@code HTTP 503}. */
  public void failed(String kind, long nowNanos) {
    errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
    ended(nowNanos);
  }

  /** The phase so far. */
  public PhaseResult result() {
    Map<String, Long> errorCounts = new TreeMap<>();
    errors.forEach((kind, count) -> errorCounts.put(kind, count.sum()));
    long first = firstStart.get();
    long last = lastEnd.get();
    double elapsedSeconds = first == Long.MIN_VALUE || last == Long.MIN_VALUE ? 0 : (last - first) / 1e9;
    Histogram latencies = latencyMicros.copy();
    return new PhaseResult(endpoint, rate, plannedSeconds, started.get(), ok.sum(), errorCounts, degraded.sum(),
        millis(latencies, 50), millis(latencies, 99), millis(latencies, 99.9),
        latencies.getTotalCount() == 0 ? Double.NaN : latencies.getMaxValue() / 1_000.0,
        elapsedSeconds > 0 ? ok.sum() / elapsedSeconds : 0, lagMicros.getMaxValue() / 1_000.0);
  }

  private void ended(long nowNanos) {
    lastEnd.accumulateAndGet(nowNanos, Math::max);
  }

  private static double millis(Histogram histogram, double percentile) {
    return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1_000.0;
  }

  /**
   * A started request.
   *
   * @param index its place in the phase, 0 for the first
   * @param dueNanos when it was due ({@link System#nanoTime()} scale)
   */
  public record Start(long index, long dueNanos) {
  }
}
