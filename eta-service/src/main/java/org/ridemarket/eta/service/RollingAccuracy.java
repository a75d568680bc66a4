package org.ridemarket.eta.service;

import java.util.OptionalDouble;

/**
 * Accuracy over the last {@code window} joined predictions: mean absolute error and the share of
 * actual durations inside [p10, p90]. A ring buffer, thread-safe; the figures are recomputed from the
 * buffer when asked (a scrape or a GET), so there is no drifting running sum.
 */
public final class RollingAccuracy {

  /**
   * The figures at one moment.
   *
   * @param window the window's capacity
   * @param predictions joined predictions in the window
   * @param maeSeconds mean absolute error; empty with no predictions
   * @param coverage share of actual durations inside [p10, p90]; empty with no predictions
   * @param joinedTotal predictions joined since the start
   */
  public record Snapshot(int window, int predictions, OptionalDouble maeSeconds, OptionalDouble coverage,
      long joinedTotal) {
  }

  private final double[] errors;
  private final boolean[] covered;
  private int next;
  private int size;
  private long joinedTotal;

  /** A window of the last {@code window} joined predictions. */
  public RollingAccuracy(int window) {
    if (window < 1) {
      throw new IllegalArgumentException("window must be >= 1, was " + window);
    }
    this.errors = new double[window];
    this.covered = new boolean[window];
  }

  /** Adds a joined prediction, pushing the oldest out of a full window. */
  public synchronized void record(double absErrorSeconds, boolean actualInRange) {
    errors[next] = absErrorSeconds;
    covered[next] = actualInRange;
    next = (next + 1) % errors.length;
    size = Math.min(size + 1, errors.length);
    joinedTotal++;
  }

  /** The current figures. */
  public synchronized Snapshot snapshot() {
    if (size == 0) {
      return new Snapshot(errors.length, 0, OptionalDouble.empty(), OptionalDouble.empty(), joinedTotal);
    }
    double errorSum = 0;
    int inRange = 0;
    for (int i = 0; i < size; i++) {
      errorSum += errors[i];
      inRange += covered[i] ? 1 : 0;
    }
    return new Snapshot(errors.length, size, OptionalDouble.of(errorSum / size), OptionalDouble.of((double) inRange / size),
        joinedTotal);
  }
}
