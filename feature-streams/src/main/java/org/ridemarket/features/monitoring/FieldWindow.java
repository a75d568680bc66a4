package org.ridemarket.features.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One field's values over the last {@value #MINUTES} minutes, a slot per minute of record time: count, missing
 * (null or unknown), sum, sum of squares and a uniform sample of {@value #SAMPLE} values. Recording is a few
 * additions and, once the minute's sample is full, one random draw; the statistics are computed when read (a
 * scrape), comparing the last {@value #RECENT} complete minutes with the {@value #BASELINE} minutes before them.
 * Thread-safe: the stream thread records, the scrape reads.
 */
final class FieldWindow {

  static final int RECENT = 10;
  static final int BASELINE = 60;
  static final int MINUTES = RECENT + BASELINE + 1;
  static final int SAMPLE = 64;
  /** Fewer values than this in either window and a statistic has no verdict (NaN). */
  static final int MIN_RECENT = 100;
  static final int MIN_BASELINE = 300;

  private final Minute[] slots = new Minute[MINUTES];
  private final SplittableRandom random;
  private long newestMinute = Long.MIN_VALUE;

  FieldWindow(long seed) {
    this.random = new SplittableRandom(seed);
    for (int i = 0; i < MINUTES; i++) {
      slots[i] = new Minute();
    }
  }

  synchronized void value(long timeMillis, double value) {
    Minute minute = slot(timeMillis);
    if (minute == null) {
      return;
    }
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      minute.missing++;
      return;
    }
    minute.count++;
    minute.sum += value;
    minute.sumOfSquares += value * value;
    // reservoir sampling: each of the minute's values is in the sample with the same probability
    if (minute.count <= SAMPLE) {
      minute.sample[(int) minute.count - 1] = value;
    } else {
      long index = random.nextLong(minute.count);
      if (index < SAMPLE) {
        minute.sample[(int) index] = value;
      }
    }
  }

  /** A value that is there but not a number (a string, an enum): it counts in the missing share's total. */
  synchronized void present(long timeMillis) {
    Minute minute = slot(timeMillis);
    if (minute != null) {
      minute.present++;
    }
  }

  synchronized void missing(long timeMillis) {
    Minute minute = slot(timeMillis);
    if (minute != null) {
      minute.missing++;
    }
  }

  /** (recent mean − baseline mean) / baseline standard deviation; NaN without enough values. */
  synchronized double meanShift() {
    Window recent = window(1, RECENT);
    Window baseline = window(RECENT + 1, RECENT + BASELINE);
    if (!comparable(recent, baseline)) {
      return Double.NaN;
    }
    return (recent.mean() - baseline.mean()) / baseline.standardDeviation();
  }

  /** (recent q-quantile − baseline q-quantile) / baseline standard deviation; NaN without enough values. */
  synchronized double quantileShift(double q) {
    Window recent = window(1, RECENT);
    Window baseline = window(RECENT + 1, RECENT + BASELINE);
    if (!comparable(recent, baseline)) {
      return Double.NaN;
    }
    return (recent.quantile(q) - baseline.quantile(q)) / baseline.standardDeviation();
  }

  /** The share of null or unknown values over the last {@value #RECENT} complete minutes; NaN without records. */
  synchronized double missingShare() {
    Window recent = window(1, RECENT);
    return recent.total() == 0 ? Double.NaN : recent.missingShare();
  }

  /** Recent missing share − baseline missing share; NaN without enough records. */
  synchronized double missingShift() {
    Window recent = window(1, RECENT);
    Window baseline = window(RECENT + 1, RECENT + BASELINE);
    if (recent.total() < MIN_RECENT || baseline.total() < MIN_BASELINE) {
      return Double.NaN;
    }
    return recent.missingShare() - baseline.missingShare();
  }

  private static boolean comparable(Window recent, Window baseline) {
    return recent.count >= MIN_RECENT && baseline.count >= MIN_BASELINE && baseline.standardDeviation() > 0;
  }

  // Record time moves the window: the newest minute seen is the current one, still filling, and never compared.
  private Minute slot(long timeMillis) {
    long minute = Math.floorDiv(timeMillis, 60_000L);
    if (minute > newestMinute) {
      newestMinute = minute;
    } else if (minute <= newestMinute - MINUTES) {
      return null;
    }
    Minute slot = slots[(int) Math.floorMod(minute, (long) MINUTES)];
    if (slot.minute != minute) {
      slot.reset(minute);
    }
    return slot;
  }

  /** Minutes {@code from}..{@code to} before the current one, merged. */
  private Window window(int from, int to) {
    Window window = new Window();
    for (int back = from; back <= to; back++) {
      long wanted = newestMinute - back;
      Minute minute = slots[(int) Math.floorMod(wanted, (long) MINUTES)];
      if (minute.minute == wanted) {
        window.add(minute);
      }
    }
    return window;
  }

  private static final class Minute {
    long minute = Long.MIN_VALUE;
    long count;
    long present;
    long missing;
    double sum;
    double sumOfSquares;
    final double[] sample = new double[SAMPLE];

    void reset(long newMinute) {
      minute = newMinute;
      count = 0;
      present = 0;
      missing = 0;
      sum = 0;
      sumOfSquares = 0;
    }
  }

  /** Merged minutes; each sampled value weighs as many values as it stands for in its minute. */
  private static final class Window {
    long count;
    long present;
    long missing;
    double sum;
    double sumOfSquares;
    final List<double[]> weighted = new ArrayList<>();

    void add(Minute minute) {
      count += minute.count;
      present += minute.present;
      missing += minute.missing;
      sum += minute.sum;
      sumOfSquares += minute.sumOfSquares;
      int sampled = (int) Math.min(minute.count, SAMPLE);
      for (int i = 0; i < sampled; i++) {
        weighted.add(new double[] {minute.sample[i], (double) minute.count / sampled});
      }
    }

    long total() {
      return count + present + missing;
    }

    double missingShare() {
      return (double) missing / total();
    }

    double mean() {
      return sum / count;
    }

    double standardDeviation() {
      double mean = mean();
      return Math.sqrt(Math.max(0, sumOfSquares / count - mean * mean));
    }

    double quantile(double q) {
      weighted.sort((a, b) -> Double.compare(a[0], b[0]));
      double target = q * count;
      double cumulative = 0;
      for (double[] value : weighted) {
        cumulative += value[1];
        if (cumulative >= target) {
          return value[0];
        }
      }
      return weighted.get(weighted.size() - 1)[0];
    }
  }
}
