package org.ridemarket.routing;

/**
 * Travel speed in a cell, in metres per second: a constant for now, later the congestion features
 * of each cell (free-flow speed times the observed 5-minute ratio, say).
 */
@FunctionalInterface
public interface CellSpeeds {

  /**
   * Free-flow speed of the simulated city's streets (9.5 m/s, 34 km/h), used when nothing better
   * is known; see routing/README.md for how it compares with the road router's speeds.
   */
  double DEFAULT_METRES_PER_SECOND = 9.5;

  /**
   * The speed in the cell, in metres per second. A value that is not a positive finite number
   * means "unknown", and the caller uses its default speed instead.
   *
   * @param cell an H3 resolution-8 cell address
   */
  double metresPerSecond(String cell);

  /** The same speed everywhere. */
  static CellSpeeds constant(double metresPerSecond) {
    if (!(metresPerSecond > 0) || Double.isInfinite(metresPerSecond)) {
      throw new IllegalArgumentException("metresPerSecond must be finite and > 0, was " + metresPerSecond);
    }
    return cell -> metresPerSecond;
  }

  /** {@link #DEFAULT_METRES_PER_SECOND} everywhere. */
  static CellSpeeds defaults() {
    return constant(DEFAULT_METRES_PER_SECOND);
  }
}
