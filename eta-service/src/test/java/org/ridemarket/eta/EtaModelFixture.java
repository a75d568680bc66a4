package org.ridemarket.eta;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.ridemarket.contracts.features.EtaFeatures;
import org.ridemarket.contracts.model.ModelSignature;
import org.ridemarket.models.ExportedModel;
import org.ridemarket.models.ModelDescription;
import org.ridemarket.models.ModelPublisher;
import org.ridemarket.models.XgboostOnnxExporter;

/**
 * Trains small XGBoost ETA models on seeded synthetic rows and publishes them through the project's
 * export gate. Each model predicts a residual ln(actual / baseline) of about {@code level}, plus
 * {@value #CONGESTION_STEP} on congested routes ({@code route_congestion_index} below 0.6) and minus
 * it otherwise (unknown congestion included): the levels keep p10, point and p90 apart, and the step
 * shows whether the service fed the cells' congestion into the row. Test data only.
 */
public final class EtaModelFixture {

  /** How much a congested route adds to the residual, and an uncongested one takes away. */
  public static final double CONGESTION_STEP = 0.05;
  /** Residual level of the point model. */
  public static final double POINT_LEVEL = 0.10;
  /** Residual level of the p10 model. */
  public static final double P10_LEVEL = -0.25;
  /** Residual level of the p90 model. */
  public static final double P90_LEVEL = 0.45;

  private static final int TRAIN_ROWS = 1_500;
  private static final int HELD_OUT_ROWS = 200;
  private static final int CONGESTION_AT = EtaFeatures.indexOf(EtaFeatures.ROUTE_CONGESTION_INDEX);

  private EtaModelFixture() {
  }

  /** The residual the fixture's models learn for a row. */
  public static double residual(double level, double routeCongestionIndex) {
    return level + (routeCongestionIndex < 0.6 ? CONGESTION_STEP : -CONGESTION_STEP);
  }

  /**
   * Trains on columns in {@code featureOrder} (normally {@link EtaFeatures#NAMES}) and publishes the
   * model as {@code name}/{@code version} under {@code root}.
   */
  public static ModelSignature publish(Path root, String name, String version, double level,
      List<String> featureOrder) {
    Random random = new Random(20261123L);
    int rows = TRAIN_ROWS + HELD_OUT_ROWS;
    int width = EtaFeatures.NAMES.size();
    float[][] x = new float[rows][];
    float[] y = new float[TRAIN_ROWS];
    for (int i = 0; i < rows; i++) {
      double[] row = new double[width];
      for (int f = 0; f < width; f++) {
        row[f] = random.nextDouble() * 20;
      }
      // Congestion index 0.2-1.2, unknown (NaN) on a tenth of the rows, as for routes without hashes.
      row[CONGESTION_AT] = random.nextInt(10) == 0 ? Double.NaN : 0.2 + random.nextDouble();
      x[i] = reorder(row, featureOrder);
      if (i < TRAIN_ROWS) {
        y[i] = (float) residual(level, Double.isNaN(row[CONGESTION_AT]) ? 1.0 : row[CONGESTION_AT]);
      }
    }
    try {
      Booster booster = train(x, y, featureOrder);
      ExportedModel exported = new XgboostOnnxExporter().export(booster, featureOrder);
      float[][] heldOut = Arrays.copyOfRange(x, TRAIN_ROWS, rows);
      return new ModelPublisher(root).publish(new ModelDescription(name, version,
          Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-15T00:00:00Z"), Map.of("mae_seconds", 30.0)),
          booster, exported, heldOut);
    } catch (XGBoostError e) {
      throw new IllegalStateException("cannot train the test ETA model " + name, e);
    }
  }

  private static Booster train(float[][] x, float[] y, List<String> featureOrder) throws XGBoostError {
    int width = featureOrder.size();
    float[] flat = new float[TRAIN_ROWS * width];
    for (int i = 0; i < TRAIN_ROWS; i++) {
      System.arraycopy(x[i], 0, flat, i * width, width);
    }
    DMatrix train = new DMatrix(flat, TRAIN_ROWS, width, Float.NaN);
    train.setLabel(y);
    train.setFeatureNames(featureOrder.toArray(String[]::new));
    Map<String, Object> params = new HashMap<>();
    params.put("objective", "reg:squarederror");
    params.put("max_depth", 2);
    params.put("eta", 0.3);
    params.put("nthread", 1);
    params.put("seed", 7);
    Booster booster = XGBoost.train(train, params, 30, Map.of(), null, null);
    train.dispose();
    return booster;
  }

  private static float[] reorder(double[] row, List<String> featureOrder) {
    float[] reordered = new float[featureOrder.size()];
    for (int i = 0; i < reordered.length; i++) {
      reordered[i] = (float) row[EtaFeatures.indexOf(featureOrder.get(i))];
    }
    return reordered;
  }
}
