package org.ridemarket.topologies.congestion;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A cell's moving speeds over a long horizon in fixed memory: 80 bins of 0.5 m/s (0 to 40 m/s, faster
 * speeds in the last bin) whose weights are multiplied down once per day of event time, so the weight
 * of an observation halves every half-life. A percentile reads the bins once and interpolates inside
 * the bin that holds it, so it is exact to well under a bin's width.
 *
 * <p>Why this shape: a cell is seen by tens of thousands of pings a week, and exact quantiles over them
 * (or a sliding week of samples) would grow with traffic; 80 doubles do not. Decay lets the free-flow
 * speed follow lasting changes (road works, a new limit) within weeks while one congested afternoon
 * moves it little. Decaying a day at a time, not on every ping, keeps the multiplication off the hot
 * path and makes the state a function of the events' days, not of their arrival order within a day.
 */
final class SpeedHistogram {

  static final double BIN_MPS = 0.5;
  static final int BINS = 80;
  static final long DAY_MILLIS = 86_400_000L;
  private static final long NO_DAY = Long.MIN_VALUE;
  // a bin lighter than this after decay is dropped, so a store value does not carry dust forever
  private static final double NEGLIGIBLE = 1e-6;

  private final double[] weights = new double[BINS];
  private long day = NO_DAY;

  /** Counts a speed observed at {@code time}; an observation of an earlier day counts in full. */
  void add(long time, double speed, long halfLifeMillis) {
    decayTo(time, halfLifeMillis);
    weights[binOf(speed)] += 1.0;
  }

  /**
   * Applies the decay of the days between the last decayed day and the day of {@code time}; returns
   * whether anything changed.
   */
  boolean decayTo(long time, long halfLifeMillis) {
    long today = Math.floorDiv(time, DAY_MILLIS);
    if (day == NO_DAY) {
      day = today;
      return false;
    }
    if (today <= day) {
      return false;
    }
    double factor = Math.pow(0.5, (double) (today - day) * DAY_MILLIS / halfLifeMillis);
    for (int bin = 0; bin < BINS; bin++) {
      weights[bin] = weights[bin] * factor < NEGLIGIBLE ? 0 : weights[bin] * factor;
    }
    day = today;
    return true;
  }

  /** The decayed number of observations. */
  double weight() {
    double total = 0;
    for (double weight : weights) {
      total += weight;
    }
    return total;
  }

  /** The speed below which a share {@code p} (0..1) of the weight lies; NaN when there is no weight. */
  double percentile(double p) {
    double total = weight();
    if (total <= 0) {
      return Double.NaN;
    }
    double target = p * total;
    double below = 0;
    for (int bin = 0; bin < BINS; bin++) {
      if (weights[bin] > 0 && below + weights[bin] >= target) {
        return (bin + (target - below) / weights[bin]) * BIN_MPS;
      }
      below += weights[bin];
    }
    return BINS * BIN_MPS;
  }

  void write(DataOutput out) throws IOException {
    out.writeLong(day);
    int used = 0;
    for (double weight : weights) {
      used += weight > 0 ? 1 : 0;
    }
    out.writeByte(used);
    for (int bin = 0; bin < BINS; bin++) {
      if (weights[bin] > 0) {
        out.writeByte(bin);
        out.writeDouble(weights[bin]);
      }
    }
  }

  static SpeedHistogram read(DataInput in) throws IOException {
    SpeedHistogram histogram = new SpeedHistogram();
    histogram.day = in.readLong();
    int used = in.readUnsignedByte();
    for (int i = 0; i < used; i++) {
      histogram.weights[in.readUnsignedByte()] = in.readDouble();
    }
    return histogram;
  }

  private static int binOf(double speed) {
    return (int) Math.min(BINS - 1, Math.max(0, Math.floor(speed / BIN_MPS)));
  }
}
