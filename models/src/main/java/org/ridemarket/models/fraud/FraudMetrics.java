package org.ridemarket.models.fraud;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Ranking measures of fraud scores against labels: average precision, ROC AUC, recall at a fixed false-positive
 * rate, what a review budget catches, and the Fraud Detection Handbook's card precision top-k.
 */
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

  /**
   * ROC AUC: the probability that a random fraud scores above a random legitimate payment, ties counting
   * half (the Mann-Whitney statistic over midranks). NaN without frauds or without legitimate payments.
   */
  public static double rocAuc(float[] scores, boolean[] fraud) {
    Integer[] order = descending(scores);
    long frauds = 0;
    for (boolean f : fraud) {
      frauds += f ? 1 : 0;
    }
    long legit = fraud.length - frauds;
    if (frauds == 0 || legit == 0) {
      return Double.NaN;
    }
    // walking down the scores: each legitimate payment counts the frauds above it (ties: half)
    double above = 0;
    long fraudsSeen = 0;
    for (int i = 0; i < order.length; ) {
      int j = i;
      int fraudsHere = 0;
      while (j < order.length && scores[order[j]] == scores[order[i]]) {
        fraudsHere += fraud[order[j]] ? 1 : 0;
        j++;
      }
      int legitHere = (j - i) - fraudsHere;
      above += legitHere * (fraudsSeen + fraudsHere / 2.0);
      fraudsSeen += fraudsHere;
      i = j;
    }
    return above / ((double) frauds * legit);
  }

  /**
   * The lowest threshold at which at most {@code fpr} of the legitimate payments score at or above it (ties are
   * flagged together); +infinity when even the top score's tie flags too many.
   */
  public static float thresholdAtFalsePositiveRate(float[] scores, boolean[] fraud, double fpr) {
    Integer[] order = descending(scores);
    long legit = 0;
    for (boolean f : fraud) {
      legit += f ? 0 : 1;
    }
    long allowed = (long) Math.floor(legit * fpr);
    float best = Float.POSITIVE_INFINITY;
    long flaggedLegit = 0;
    for (int i = 0; i < order.length; ) {
      int j = i;
      while (j < order.length && scores[order[j]] == scores[order[i]]) {
        flaggedLegit += fraud[order[j]] ? 0 : 1;
        j++;
      }
      if (flaggedLegit > allowed) {
        break;
      }
      best = scores[order[i]];
      i = j;
    }
    return best;
  }

  /** The share of frauds flagged at the threshold where at most {@code fpr} of legitimate payments are. */
  public static double recallAtFalsePositiveRate(float[] scores, boolean[] fraud, double fpr) {
    float threshold = thresholdAtFalsePositiveRate(scores, fraud, fpr);
    int frauds = 0;
    int caught = 0;
    for (int i = 0; i < scores.length; i++) {
      if (fraud[i]) {
        frauds++;
        caught += scores[i] >= threshold ? 1 : 0;
      }
    }
    return frauds == 0 ? Double.NaN : caught / (double) frauds;
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
