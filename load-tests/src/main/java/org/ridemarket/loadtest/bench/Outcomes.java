package org.ridemarket.loadtest.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What the callers of one phase saw: the latency of every request from its due time to its outcome
 * (answers of any status and transport failures alike, since a caller waits for an error too), the
 * outcomes by status or failure kind, degraded answers, 503s with and without {@code Retry-After},
 * other 5xx, and answers later than a threshold; and, per second of due time, the requests, the slowest
 * answer and the answers above {@link #SLOW_MICROS}, so a report can say when the slow ones came. Written by
 * one thread, the generator's event loop.
 */
public final class Outcomes {

  /** An answer counted as slow in the per-second slices: the p99 target at 1,000 requests/s (issue #14). */
  public static final long SLOW_MICROS = 5_000;
  /** How many late answers are kept with their due times, the first ones, so a report can say when they came. */
  static final int LATE_KEPT = 20;

  private final long lateAfterMicros;
  // Auto-resizing, three significant digits: a paused dependency can hold a request for a minute.
  private final Histogram micros = new Histogram(3);
  private final Map<String, Long> kinds = new TreeMap<>();
  private long ok;
  private long degraded;
  private long unavailable;
  private long unavailableWithRetryAfter;
  private long otherServerErrors;
  private long failures;
  private long late;
  private final List<Late> lateAnswers = new ArrayList<>();
  private long firstDueNanos = Long.MAX_VALUE;
  private long lastEndNanos = Long.MIN_VALUE;
  // Per second of due time (index = due offset / 1 s): requests, answers above SLOW_MICROS, slowest µs.
  private long[] perSecondCount = new long[64];
  private long[] perSecondSlow = new long[64];
  private long[] perSecondMaxMicros = new long[64];

  /** Outcomes that count answers later than {@code lateAfterMicros} (Long.MAX_VALUE: none is late). */
  public Outcomes(long lateAfterMicros) {
    this.lateAfterMicros = lateAfterMicros;
  }

  /** Outcomes without a lateness threshold. */
  public Outcomes() {
    this(Long.MAX_VALUE);
  }

  /** An HTTP answer with {@code status}; {@code degraded} as the body says (false when it says nothing). */
  public void answered(long dueNanos, long endNanos, int status, boolean retryAfter, boolean degraded) {
    timed(dueNanos, endNanos, Integer.toString(status));
    kinds.merge(Integer.toString(status), 1L, Long::sum);
    if (status / 100 == 2) {
      ok++;
      if (degraded) {
        this.degraded++;
      }
    } else if (status == 503) {
      unavailable++;
      if (retryAfter) {
        unavailableWithRetryAfter++;
      }
    } else if (status / 100 == 5) {
      otherServerErrors++;
    }
  }

  /** No HTTP answer: {@code kind} says why ({@code timeout}, {@code connection refused}, ...). */
  public void failed(long dueNanos, long endNanos, String kind) {
    timed(dueNanos, endNanos, kind);
    kinds.merge(kind, 1L, Long::sum);
    failures++;
  }

  private void timed(long dueNanos, long endNanos, String outcome) {
    long waited = Math.max(0, (endNanos - dueNanos) / 1_000);
    micros.recordValue(waited);
    if (waited > lateAfterMicros) {
      late++;
      if (lateAnswers.size() < LATE_KEPT) {
        lateAnswers.add(new Late(dueNanos / 1e9, waited / 1_000.0, outcome));
      }
    }
    firstDueNanos = Math.min(firstDueNanos, dueNanos);
    lastEndNanos = Math.max(lastEndNanos, endNanos);
    int second = (int) Math.max(0, dueNanos / 1_000_000_000L);
    if (second >= perSecondCount.length) {
      int length = Math.max(second + 1, perSecondCount.length * 2);
      perSecondCount = Arrays.copyOf(perSecondCount, length);
      perSecondSlow = Arrays.copyOf(perSecondSlow, length);
      perSecondMaxMicros = Arrays.copyOf(perSecondMaxMicros, length);
    }
    perSecondCount[second]++;
    if (waited > SLOW_MICROS) {
      perSecondSlow[second]++;
    }
    perSecondMaxMicros[second] = Math.max(perSecondMaxMicros[second], waited);
  }

  /**
   * The {@code limit} seconds of due time with the slowest answers, slowest first; only seconds with an
   * answer above {@link #SLOW_MICROS}.
   */
  public List<Second> slowestSeconds(int limit) {
    List<Second> seconds = new ArrayList<>();
    for (int i = 0; i < perSecondCount.length; i++) {
      if (perSecondSlow[i] > 0) {
        seconds.add(new Second(i, perSecondCount[i], perSecondSlow[i], perSecondMaxMicros[i] / 1_000.0));
      }
    }
    seconds.sort(Comparator.comparingDouble(Second::maxMillis).reversed().thenComparingInt(Second::index));
    return List.copyOf(seconds.subList(0, Math.min(limit, seconds.size())));
  }

  /** Seconds of due time with at least one answer above {@link #SLOW_MICROS}. */
  public int secondsWithSlowAnswers() {
    int seconds = 0;
    for (long slow : perSecondSlow) {
      if (slow > 0) {
        seconds++;
      }
    }
    return seconds;
  }

  /** The last outcome's time, as an offset from the load's start (the due offsets' origin); 0 without data. */
  public long lastEndOffsetNanos() {
    return count() == 0 ? 0 : lastEndNanos;
  }

  /** Requests with an outcome. */
  public long count() {
    return micros.getTotalCount();
  }

  /** 2xx answers. */
  public long ok() {
    return ok;
  }

  /** Requests that did not get a 2xx: other statuses and transport failures. */
  public long notOk() {
    return count() - ok;
  }

  /** 2xx answers that said they were degraded. */
  public long degraded() {
    return degraded;
  }

  /** Degraded share of the 2xx answers, 0 to 1. */
  public double degradedShare() {
    return ok == 0 ? 0 : (double) degraded / ok;
  }

  /** 503 answers. */
  public long unavailable() {
    return unavailable;
  }

  /** 503 answers that carried Retry-After. */
  public long unavailableWithRetryAfter() {
    return unavailableWithRetryAfter;
  }

  /** 5xx answers other than 503: the designed failure is a 503, anything else is a bug. */
  public long otherServerErrors() {
    return otherServerErrors;
  }

  /** Requests without an HTTP answer. */
  public long failures() {
    return failures;
  }

  /** Outcomes later than the threshold. */
  public long late() {
    return late;
  }

  /** The first {@value #LATE_KEPT} answers later than the threshold, in the order they came. */
  public List<Late> lateAnswers() {
    return List.copyOf(lateAnswers);
  }

  /** Count by HTTP status ({@code 200}) or failure kind ({@code timeout}). */
  public Map<String, Long> kinds() {
    return Map.copyOf(kinds);
  }

  /** Latency at {@code percentile} in ms, NaN without data. */
  public double millisAt(double percentile) {
    return count() == 0 ? Double.NaN : micros.getValueAtPercentile(percentile) / 1_000.0;
  }

  /** Highest latency in ms, NaN without data. */
  public double maxMillis() {
    return count() == 0 ? Double.NaN : micros.getMaxValue() / 1_000.0;
  }

  /** 2xx answers a second, from the first due time to the last outcome. */
  public double achievedPerSecond() {
    return lastEndNanos <= firstDueNanos ? 0 : ok / ((lastEndNanos - firstDueNanos) / 1e9);
  }

  /**
   * One second of due time.
   *
   * @param index seconds from the load's start (the due offsets' origin)
   * @param requests requests due in it
   * @param slow of those, answers later than {@link #SLOW_MICROS}
   * @param maxMillis its slowest answer, ms
   */
  public record Second(int index, long requests, long slow, double maxMillis) {
  }

  /**
   * One answer later than the threshold.
   *
   * @param dueSeconds its due time, seconds from the load's start
   * @param waitedMillis from its due time to its outcome, ms
   * @param outcome its HTTP status or failure kind
   */
  public record Late(double dueSeconds, double waitedMillis, String outcome) {
  }
}
