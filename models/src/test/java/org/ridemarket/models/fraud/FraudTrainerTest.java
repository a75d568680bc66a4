package org.ridemarket.models.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.events.FraudPattern;
import org.ridemarket.contracts.features.VelocityFeatures;

class FraudTrainerTest {

  private static final int AMOUNT = VelocityFeatures.NAMES.indexOf(VelocityFeatures.AMOUNT_MINOR);

  @Test
  void shouldSplitAtASharpBoundaryAmongTheLargestAmounts() throws Exception {
    // given the handbook's first scenario: every payment above 220.00 is fraud, 0.25 % of payments, the legitimate
    // amounts thinning out towards the boundary
    List<FraudRow> rows = rows(new Random(7), 60_000);

    // when the classifier is trained with the recipe's bins, and with XGBoost's default 256
    double recipe = recallWithoutFalsePositives(FraudTrainer.fit(rows), rows);
    double defaults = recallWithoutFalsePositives(FraudTrainer.fit(rows, 256), rows);

    // then nearly every fraud scores above every legitimate payment, which the default bins cannot do
    assertThat(recipe).isGreaterThanOrEqualTo(0.95);
    assertThat(defaults).isLessThan(recipe - 0.2);
  }

  private static List<FraudRow> rows(Random random, int count) {
    List<FraudRow> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      boolean fraud = random.nextDouble() < 0.0025;
      double u = random.nextDouble();
      long amount = fraud ? 22_001 + random.nextInt(20_000) : 100 + Math.round(u * u * u * 21_900);
      float[] features = new float[VelocityFeatures.NAMES.size()];
      features[AMOUNT] = amount;
      rows.add(new FraudRow(i * 1_000L, "txn_" + i, features, fraud,
          fraud ? FraudPattern.HIGH_AMOUNT : FraudPattern.NONE, "fp_" + (i % 500)));
    }
    return rows;
  }

  // the share of frauds scored above every legitimate payment
  private static double recallWithoutFalsePositives(Booster booster, List<FraudRow> rows) throws XGBoostError {
    boolean[] fraud = new boolean[rows.size()];
    for (int i = 0; i < fraud.length; i++) {
      fraud[i] = rows.get(i).fraud();
    }
    return FraudMetrics.recallAtFalsePositiveRate(FraudTrainer.score(booster, rows), fraud, 0.0);
  }
}
