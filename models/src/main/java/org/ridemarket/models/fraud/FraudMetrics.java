package org.ridemarket.models.fraud;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Ranking measures of fraud scores against labels: average precision, and what a review budget catches. */
public final class FraudMetrics {

  private FraudMetrics() {
  }

  /**
   * Average precision (area under the precision-recall curve, step-wise): the mean, over the frauds, of
   * the precision among the rows scored at least as high. Ties count as one step. NaN without frauds.
   */
  public static double averagePrecision(float[] scores, boolean[] fraud) {
    Integer[] order = descending(scores);
    int frauds = 0;
    for (boolean f : fraud) {
      frauds += f ? 1 : 0;
    }
    if (frauds == 0) {
      return Double.NaN;
    }
    double sum = 0;
    int seen = 0;
    int caught = 0;
    for (int i = 0; i < order.length; ) {
      int j = i;
      int caughtHere = 0;
      while (j < order.length && scores[order[j]] == scores[order[i]]) {
        caughtHere += fraud[order[j]] ? 1 : 0;
        j++;
      }
      seen += j - i;
      caught += caughtHere;
      sum += caughtHere * (double) caught / seen;
      i = j;
    }
    return sum / frauds;
  }

  /** The number of reviews a review rate allows among {@code rows} rows, at least one. */
  public static int budget(int rows, double reviewRate) {
    return Math.max(1, (int) Math.floor(rows * reviewRate));
  }

  /** The lowest score among the {@code k} highest: flagging every score at or above it reviews about k rows. */
  public static float topKThreshold(float[] scores, int k) {
    float[] sorted = scores.clone();
    Arrays.sort(sorted);
    return sorted[Math.max(0, sorted.length - Math.min(k, sorted.length))];
  }

  /**
   * The lowest threshold whose flagged rows (score at or above it) are frauds at least {@code precision} of
   * the time, with at least {@code minFlagged} of them; 1.0 (block nothing a probability can reach short of
   * certainty) when no threshold is that precise.
   */
  public static float precisionThreshold(float[] scores, boolean[] fraud, double precision, int minFlagged) {
    Integer[] order = descending(scores);
    float best = 1.0f;
    int caught = 0;
    for (int i = 0; i < order.length; i++) {
      caught += fraud[order[i]] ? 1 : 0;
      boolean lastOfTie = i + 1 == order.length || scores[order[i + 1]] != scores[order[i]];
      if (lastOfTie && i + 1 >= minFlagged && caught >= precision * (i + 1)) {
        best = scores[order[i]];
      }
    }
    return best;
  }

  private static Integer[] descending(float[] scores) {
    return IntStream.range(0, scores.length).boxed()
        .sorted(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> i))
        .toArray(Integer[]::new);
  }
}
