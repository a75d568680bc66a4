package org.ridemarket.models.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.events.FraudPattern;

/** ROC AUC, recall at a fixed false-positive rate and the handbook's card precision top-k on small known cases. */
class FraudMetricsTest {

  @Test
  void shouldComputeRocAucAsTheShareOfFraudLegitPairsRankedRight() {
    float[] scores = {0.9f, 0.8f, 0.7f, 0.6f, 0.5f};
    boolean[] fraud = {true, false, true, false, false};
    // pairs (fraud, legit): 0.9 beats all three, 0.7 beats two of three: 5 of 6
    assertThat(FraudMetrics.rocAuc(scores, fraud)).isCloseTo(5.0 / 6, within(1e-12));
    assertThat(FraudMetrics.rocAuc(new float[] {0.5f, 0.5f}, new boolean[] {true, false})).isEqualTo(0.5);
    assertThat(FraudMetrics.rocAuc(scores, new boolean[5])).isNaN();
  }

  @Test
  void shouldFlagAtMostTheAllowedShareOfLegitimatePayments() {
    // 200 legitimate payments scored 0..199 / 1000, 4 frauds at 0.95, 0.5, 0.199, 0.0
    List<Float> values = new ArrayList<>();
    List<Boolean> labels = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      values.add(i / 1000f);
      labels.add(false);
    }
    for (float f : new float[] {0.95f, 0.5f, 0.1995f, 0f}) {
      values.add(f);
      labels.add(true);
    }
    float[] scores = new float[values.size()];
    boolean[] fraud = new boolean[values.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = values.get(i);
      fraud[i] = labels.get(i);
    }

    // 0.5 % of 200 is one legitimate payment: the threshold stops at the best legitimate score
    assertThat(FraudMetrics.thresholdAtFalsePositiveRate(scores, fraud, 0.005)).isEqualTo(0.199f);
    assertThat(FraudMetrics.recallAtFalsePositiveRate(scores, fraud, 0.005)).isEqualTo(0.75);
    assertThat(FraudMetrics.recallAtFalsePositiveRate(scores, fraud, 0.0)).isEqualTo(0.75);
  }

  @Test
  void shouldAverageDailyCardPrecisionAndDropCardsDetectedOnEarlierDays() {
    long day = 86_400_000L;
    // day 0: card a (fraud) scored highest, card b legit; day 1: card a again (already detected), card c fraud
    List<FraudRow> rows = List.of(row(0, "a", true), row(1000, "a", false), row(2000, "b", false),
        row(day, "a", true), row(day + 1, "c", true), row(day + 2, "b", false));
    float[] scores = {0.9f, 0.1f, 0.5f, 0.99f, 0.2f, 0.8f};

    // top 1: day 0 checks card a (fraud): 1; day 1 without a: card b (0.8) ahead of c: 0
    assertThat(CardPrecision.meanAtK(rows, scores, 1)).isEqualTo(0.5);
    // top 2: day 0 a and b: 1/2; day 1 b and c: 1/2
    assertThat(CardPrecision.meanAtK(rows, scores, 2)).isEqualTo(0.5);
  }

  private static FraudRow row(long time, String card, boolean fraud) {
    return new FraudRow(time, card + time, new float[0], fraud, fraud ? FraudPattern.COMPROMISED_CARD
        : FraudPattern.NONE, card);
  }
}
