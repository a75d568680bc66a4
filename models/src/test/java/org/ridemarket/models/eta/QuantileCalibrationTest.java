package org.ridemarket.models.eta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.model.GateReport;
import org.ridemarket.models.ExportGate;
import org.ridemarket.models.ExportedModel;
import org.ridemarket.models.Objective;
import org.ridemarket.models.XgboostOnnxExporter;

class QuantileCalibrationTest {

  private static final List<String> NAMES = List.of("distance", "speed", "hour");

  @Test
  void shouldMoveABoundUntilTheIntendedShareOfLabelsFallsOutside() {
    // given a lower bound of 0 for labels 1..19 and -1: one label in 20 below it
    double[] labels = new double[20];
    for (int i = 0; i < 19; i++) {
      labels[i] = i + 1;
    }
    labels[19] = -1;
    double[] bounds = new double[20];

    // then a 10 % miss, with the finite-sample rank ceil(21 * 0.9) = 19, moves the bound up to the
    // second-smallest label (one label in 20 below it), and an upper bound of 30 down to the second-largest
    assertThat(QuantileCalibration.lowerOffset(bounds, labels, 0.1)).isEqualTo(1.0);
    double[] highs = new double[20];
    Arrays.fill(highs, 30);
    assertThat(QuantileCalibration.upperOffset(highs, labels, 0.1)).isEqualTo(18.0 - 30);
  }

  @Test
  void shouldBakeTheOffsetIntoTheQuantileModelSoTheExportStillMatchesXgboost() throws Exception {
    // given a trained p90 model on rows with missing values
    Random random = new Random(5);
    float[][] rows = new float[1_500][];
    float[] labels = new float[1_000];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new float[] {random.nextFloat() * 5_000, random.nextFloat() < 0.3f ? Float.NaN : 2 + 8 * random.nextFloat(),
          random.nextInt(24)};
    }
    for (int i = 0; i < labels.length; i++) {
      double speed = Float.isNaN(rows[i][1]) ? 6 : rows[i][1];
      labels[i] = (float) (0.2 * Math.log(9.5 / speed) + 0.3 * random.nextGaussian());
    }
    float[] flat = new float[labels.length * NAMES.size()];
    for (int i = 0; i < labels.length; i++) {
      System.arraycopy(rows[i], 0, flat, i * NAMES.size(), NAMES.size());
    }
    DMatrix train = new DMatrix(flat, labels.length, NAMES.size(), Float.NaN);
    train.setLabel(labels);
    train.setFeatureNames(NAMES.toArray(String[]::new));
    Map<String, Object> params = new HashMap<>(Map.of("objective", "reg:quantileerror", "quantile_alpha", 0.9,
        "max_depth", 4, "eta", 0.1, "nthread", 1, "seed", 1));
    Booster raw = XGBoost.train(train, params, 40, Map.of(), null, null);
    train.dispose();
    float[][] heldOut = Arrays.copyOfRange(rows, labels.length, rows.length);

    // when its bound is moved up by 0.25
    Booster shifted = QuantileCalibration.shifted(raw, 0.25);

    // then XGBoost predicts 0.25 more everywhere, and the export of the shifted booster passes the gate
    DMatrix probe = new DMatrix(heldOut[0], 1, NAMES.size(), Float.NaN);
    assertThat(shifted.predict(probe)[0][0]).isCloseTo(raw.predict(probe)[0][0] + 0.25f, within(1e-5f));
    probe.dispose();
    ExportedModel exported = new XgboostOnnxExporter().export(shifted, NAMES);
    assertThat(exported.objective()).isEqualTo(Objective.QUANTILE_ERROR);
    GateReport report = new ExportGate().check(shifted, exported, heldOut);
    assertThat(report.passed()).isTrue();
    assertThat(report.maxAbsDiff()).isLessThan(1e-4);
  }
}
