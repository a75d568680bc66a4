package org.ridemarket.models.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.events.FraudPattern;
import org.ridemarket.contracts.features.VelocityFeatures;

class HandbookEvaluationTest {

  private static final long DAY = 86_400_000L;

  @Test
  void shouldTrainALongerWindowOnTheSameTestWeek() {
    // given 50 days of 40 payments a day by 400 cards, one in ten a large fraud by a card of its own, and a card
    // defrauded on day 10 that pays again on day 43, in the test week
    List<FraudRow> rows = new ArrayList<>();
    for (int day = 0; day < 50; day++) {
      for (int i = 0; i < 40; i++) {
        int n = day * 40 + i;
        boolean fraud = n % 10 == 0;
        if (day == 10 && i == 1 || day == 43 && i == 1) {
          float[] usual = new float[VelocityFeatures.NAMES.size()];
          usual[0] = 1_200;
          rows.add(new FraudRow(day * DAY + 30_000L, "txn_again_" + day, usual, day == 10,
              day == 10 ? FraudPattern.HIGH_AMOUNT : FraudPattern.NONE, "fp_again"));
        }
        float[] features = new float[VelocityFeatures.NAMES.size()];
        features[0] = fraud ? 30_000 : 1_000 + n % 700;
        rows.add(new FraudRow(day * DAY + i * 60_000L, "txn_" + n, features, fraud,
            fraud ? FraudPattern.HIGH_AMOUNT : FraudPattern.NONE, fraud ? "fp_f" + n : "fp_" + n % 400));
      }
    }
    long testFrom = 42 * DAY;

    // when the test week is evaluated with the protocol's 7 days of training and with 28
    HandbookEvaluation.Week protocol = HandbookEvaluation.week(rows, testFrom, HandbookEvaluation.TRAIN);
    HandbookEvaluation.Week longer = HandbookEvaluation.week(rows, testFrom, Duration.ofDays(28));

    // then the longer window trains on four times the days before the same delay, and tests the same payments:
    // a card whose fraud is older than the protocol's training week is not taken for known compromised
    assertThat(protocol.train().get(0).time()).isEqualTo(testFrom - 14 * DAY);
    assertThat(longer.train().get(0).time()).isEqualTo(testFrom - 35 * DAY);
    assertThat(longer.train().get(longer.train().size() - 1).time()).isLessThan(testFrom - 7 * DAY);
    assertThat(longer.train()).hasSize(4 * protocol.train().size() + 1);
    assertThat(longer.test()).extracting(FraudRow::transactionId).contains("txn_again_43");
    assertThat(longer.test()).extracting(FraudRow::transactionId)
        .containsExactlyElementsOf(protocol.test().stream().map(FraudRow::transactionId).toList());
    assertThat(longer.metrics().get("average_precision")).isEqualTo(1.0);
  }
}
