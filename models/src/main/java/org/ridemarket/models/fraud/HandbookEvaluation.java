package org.ridemarket.models.fraud;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.ridemarket.contracts.events.FraudPattern;

/**
 * The Fraud Detection Handbook's protocol on point-in-time rows: train on 7 days, leave 7 days for the labels to
 * arrive, test on the next 7 days, the test days without the cards already known to be compromised (a fraud of a
 * card whose payment is more than the delay before the test day: its chargeback has arrived, the card is
 * blocked). Slid over the last test weeks of the history; each week trains its own model with
 * {@link FraudTrainer}'s recipe.
 */
public final class HandbookEvaluation {

  /** The handbook's windows; a model may train on a longer window ending at the same day ({@link #slide}). */
  public static final Duration TRAIN = Duration.ofDays(7);
  public static final Duration DELAY = Duration.ofDays(7);
  public static final Duration TEST = Duration.ofDays(7);
  /** Cards an investigator checks a day (card precision top-k). */
  public static final int TOP_K = 100;
  /** The largest share of legitimate payments flagged for the recall figure. */
  public static final double FALSE_POSITIVE_RATE = FraudTrainer.FALSE_POSITIVE_RATE;

  private static final long DAY_MILLIS = 86_400_000L;

  /** One test week: its model, its rows and what it scored. */
  public record Week(Instant testFrom, List<FraudRow> train, List<FraudRow> test, Booster booster, float[] scores,
      Map<String, Double> metrics) {
  }

  private HandbookEvaluation() {
  }

  /**
   * Evaluates {@code weeks} consecutive test weeks ending with the last whole day of {@code rows} (oldest first),
   * each model trained on the protocol's {@link #TRAIN}.
   *
   * @throws IllegalArgumentException when the history is too short for them, or a week has no fraud to learn from
   */
  public static List<Week> slide(List<FraudRow> rows, int weeks) {
    return slide(rows, weeks, TRAIN);
  }

  /**
   * Likewise, each model trained on the {@code train} window that ends where the protocol's does (the delay
   * before the test week). The test weeks stay the protocol's, the known compromised cards included, so that the
   * figures compare with the 7-day models': only what the model learned from changes.
   */
  public static List<Week> slide(List<FraudRow> rows, int weeks, Duration train) {
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("no labelled rows to evaluate");
    }
    long end = (Math.floorDiv(rows.get(rows.size() - 1).time(), DAY_MILLIS) + 1) * DAY_MILLIS;
    long first = rows.get(0).time();
    List<Week> result = new ArrayList<>();
    for (int w = weeks; w >= 1; w--) {
      long testFrom = end - w * TEST.toMillis();
      if (testFrom - DELAY.toMillis() - train.toMillis() < Math.floorDiv(first, DAY_MILLIS) * DAY_MILLIS) {
        throw new IllegalArgumentException("the history starts at " + Instant.ofEpochMilli(first) + ": too short for "
            + weeks + " test weeks with " + train.toDays() + " days of training before a " + DELAY.toDays()
            + "-day delay");
      }
      result.add(week(rows, testFrom, train));
    }
    return result;
  }

  static Week week(List<FraudRow> rows, long testFrom, Duration window) {
    long trainTo = testFrom - DELAY.toMillis();
    long trainFrom = trainTo - window.toMillis();
    // the protocol's known compromised cards: those of its 7-day training week and of the delay days
    long knownFrom = trainTo - TRAIN.toMillis();
    List<FraudRow> train = rows.stream().filter(row -> row.time() >= trainFrom && row.time() < trainTo).toList();
    List<FraudRow> test = new ArrayList<>();
    for (long day = testFrom; day < testFrom + TEST.toMillis(); day += DAY_MILLIS) {
      long dayStart = day;
      // known compromised on this day: every fraud of the training week and of the delay days whose label came in
      Set<String> known = new HashSet<>();
      rows.stream().filter(row -> row.fraud() && row.time() >= knownFrom && row.time() < dayStart - DELAY.toMillis())
          .forEach(row -> known.add(row.card()));
      rows.stream().filter(row -> row.time() >= dayStart && row.time() < dayStart + DAY_MILLIS)
          .filter(row -> !known.contains(row.card())).forEach(test::add);
    }
    if (train.stream().noneMatch(FraudRow::fraud) || test.isEmpty()) {
      throw new IllegalArgumentException("the week from " + Instant.ofEpochMilli(testFrom)
          + " has no fraud to train on or nothing to test");
    }
    try {
      Booster booster = FraudTrainer.fit(train);
      float[] scores = FraudTrainer.score(booster, test);
      return new Week(Instant.ofEpochMilli(testFrom), train, test, booster, scores, metrics(train, test, scores));
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost failed on the week from " + Instant.ofEpochMilli(testFrom), e);
    }
  }

  static Map<String, Double> metrics(List<FraudRow> train, List<FraudRow> test, float[] scores) {
    boolean[] fraud = new boolean[test.size()];
    for (int i = 0; i < fraud.length; i++) {
      fraud[i] = test.get(i).fraud();
    }
    float threshold = FraudMetrics.thresholdAtFalsePositiveRate(scores, fraud, FALSE_POSITIVE_RATE);
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("train_rows", (double) train.size());
    metrics.put("train_frauds", (double) train.stream().filter(FraudRow::fraud).count());
    metrics.put("test_rows", (double) test.size());
    metrics.put("test_frauds", (double) test.stream().filter(FraudRow::fraud).count());
    metrics.put("roc_auc", FraudMetrics.rocAuc(scores, fraud));
    metrics.put("average_precision", FraudMetrics.averagePrecision(scores, fraud));
    metrics.put("card_precision_at_100", CardPrecision.meanAtK(test, scores, TOP_K));
    metrics.put("recall_at_fpr_0.5pct", FraudMetrics.recallAtFalsePositiveRate(scores, fraud, FALSE_POSITIVE_RATE));
    metrics.put("threshold_review", (double) Math.min(threshold, 1.0f));
    metrics.put("threshold_block", (double) Math.max(threshold,
        FraudMetrics.precisionThreshold(scores, fraud, FraudTrainer.BLOCK_PRECISION, FraudTrainer.BLOCK_MIN_ROWS)));
    for (FraudPattern pattern : FraudPattern.values()) {
      long frauds = test.stream().filter(row -> row.fraud() && row.pattern() == pattern).count();
      if (frauds > 0) {
        long caught = 0;
        for (int i = 0; i < scores.length; i++) {
          caught += fraud[i] && test.get(i).pattern() == pattern && scores[i] >= threshold ? 1 : 0;
        }
        String suffix = "_" + pattern.name().toLowerCase(Locale.ROOT);
        metrics.put("test_frauds" + suffix, (double) frauds);
        metrics.put("recall_at_fpr_0.5pct" + suffix, caught / (double) frauds);
      }
    }
    return metrics;
  }

  /** The per-week table, then the means, next to the handbook's published XGBoost baseline. */
  public static String table(List<Week> weeks) {
    List<String> columns = List.of("test_rows", "test_frauds", "roc_auc", "average_precision",
        "card_precision_at_100", "recall_at_fpr_0.5pct", "recall_at_fpr_0.5pct_high_amount",
        "recall_at_fpr_0.5pct_compromised_terminal", "recall_at_fpr_0.5pct_compromised_card");
    StringBuilder text = new StringBuilder("| test week | rows | frauds | ROC AUC | AP | CP@100 | recall @0.5% FPR"
        + " | scenario 1 | scenario 2 | scenario 3 |\n|---|---|---|---|---|---|---|---|---|---|\n");
    double[] sums = new double[columns.size()];
    for (Week week : weeks) {
      text.append("| ").append(week.testFrom().toString(), 0, 10);
      for (int c = 0; c < columns.size(); c++) {
        double value = week.metrics().getOrDefault(columns.get(c), Double.NaN);
        sums[c] += value;
        text.append(c < 2 ? String.format(Locale.ROOT, " | %.0f", value) : String.format(Locale.ROOT, " | %.3f", value));
      }
      text.append(" |\n");
    }
    text.append("| **mean**");
    for (int c = 0; c < columns.size(); c++) {
      double mean = sums[c] / weeks.size();
      text.append(c < 2 ? String.format(Locale.ROOT, " | %.0f", mean)
          : String.format(Locale.ROOT, " | **%.3f**", mean));
    }
    text.append(" |\n| handbook XGBoost | | | 0.872 | 0.687 | 0.303 | | | | |\n");
    return text.toString();
  }
}
