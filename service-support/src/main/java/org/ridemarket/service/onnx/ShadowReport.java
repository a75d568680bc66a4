package org.ridemarket.service.onnx;

/**
 * What a shadow candidate has seen (ADR 0033).
 *
 * @param candidate {@code name:version} of the candidate
 * @param sample share of the live scorings offered to it
 * @param tolerance largest absolute difference from the live output that counts as agreeing
 * @param compared rows scored by both
 * @param agreed compared rows within the tolerance
 * @param dropped rows offered but not compared (its queue was full, or it stopped)
 * @param meanAbsDifference mean absolute difference over the compared rows; NaN before the first
 * @param maxAbsDifference largest absolute difference seen
 */
public record ShadowReport(String candidate, double sample, double tolerance, long compared, long agreed,
    long dropped, double meanAbsDifference, double maxAbsDifference) {

  /** Share of the compared rows on which the candidate agreed; NaN before the first. */
  public double agreement() {
    return compared == 0 ? Double.NaN : (double) agreed / compared;
  }
}
