package org.ridemarket.pricing;

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
import org.ridemarket.contracts.features.SupplyDemandFeatures;
import org.ridemarket.contracts.model.ModelSignature;
import org.ridemarket.models.ExportedModel;
import org.ridemarket.models.ModelDescription;
import org.ridemarket.models.ModelPublisher;
import org.ridemarket.models.XgboostOnnxExporter;

/**
 * Trains a small XGBoost surge model on seeded synthetic supply/demand rows (the multiplier rises
 * with requests per available driver) and publishes it through the project's export gate. Test
 * data only: the real model is trained on replayed history.
 */
public final class SurgeModelFixture {

  private static final int TRAIN_ROWS = 2_000;
  private static final int HELD_OUT_ROWS = 300;

  private SurgeModelFixture() {
  }

  /**
   * Publishes the synthetic model as {@code surge:synthetic-1} into the artifact store {@code args[0]},
   * for running the service locally before a model trained on history exists.
   */
  public static void main(String[] args) {
    Path root = Path.of(args.length > 0 ? args[0] : "target/synthetic-models");
    ModelSignature published = publish(root, "surge", "synthetic-1", SupplyDemandFeatures.NAMES);
    System.out.println("published " + published.id() + " into " + root.toAbsolutePath()
        + " (gate: " + published.gate().summary() + ")");
  }

  /** The multiplier the synthetic market clears at, before noise. */
  public static double clearingMultiplier(double demandSupply, double ringDemandSupply) {
    return 1.0 + 0.5 * Math.max(0, demandSupply - 1.0) + 0.2 * Math.max(0, ringDemandSupply - 1.0);
  }

  /** A contract-ordered feature vector for a cell with these requests and drivers (ring: 3x the cell). */
  public static double[] vector(double requests5m, double availableDrivers) {
    double requests1m = requests5m / 5;
    double requests15m = requests5m * 2.5;
    double ringRequests5m = requests5m * 3;
    double ringDrivers = availableDrivers * 4;
    return new double[] {
        requests1m, requests5m, requests15m, requests5m * 0.6, availableDrivers,
        ringRequests5m, ringRequests5m * 2.5, ringDrivers, ringRequests5m * 0.5,
        SupplyDemandFeatures.trend(requests5m, requests15m),
        SupplyDemandFeatures.demandSupply(requests5m, availableDrivers),
        SupplyDemandFeatures.demandSupply(ringRequests5m, ringDrivers)};
  }

  /**
   * Trains on columns in {@code featureOrder} (normally {@link SupplyDemandFeatures#NAMES}) and
   * publishes the model as {@code name}/{@code version} under {@code root}.
   */
  public static ModelSignature publish(Path root, String name, String version, List<String> featureOrder) {
    Random random = new Random(20261121L);
    int rows = TRAIN_ROWS + HELD_OUT_ROWS;
    float[][] x = new float[rows][];
    float[] y = new float[TRAIN_ROWS];
    for (int i = 0; i < rows; i++) {
      double[] vector = vector(random.nextInt(60), random.nextInt(30));
      x[i] = reorder(vector, featureOrder);
      if (i < TRAIN_ROWS) {
        double ds = vector[SupplyDemandFeatures.indexOf(SupplyDemandFeatures.DEMAND_SUPPLY_5M)];
        double ringDs = vector[SupplyDemandFeatures.indexOf(SupplyDemandFeatures.RING_DEMAND_SUPPLY_5M)];
        y[i] = (float) (clearingMultiplier(ds, ringDs) + 0.03 * random.nextGaussian());
      }
    }
    try {
      Booster booster = train(x, y, featureOrder);
      ExportedModel exported = new XgboostOnnxExporter().export(booster, featureOrder);
      float[][] heldOut = Arrays.copyOfRange(x, TRAIN_ROWS, rows);
      return new ModelPublisher(root).publish(new ModelDescription(name, version,
          Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-15T00:00:00Z"), Map.of("rmse", 0.03)),
          booster, exported, heldOut);
    } catch (XGBoostError e) {
      throw new IllegalStateException("cannot train the test surge model", e);
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
    params.put("max_depth", 4);
    params.put("eta", 0.3);
    params.put("nthread", 1);
    params.put("seed", 7);
    Booster booster = XGBoost.train(train, params, 40, Map.of(), null, null);
    train.dispose();
    return booster;
  }

  private static float[] reorder(double[] vector, List<String> featureOrder) {
    float[] row = new float[featureOrder.size()];
    for (int i = 0; i < row.length; i++) {
      row[i] = (float) vector[SupplyDemandFeatures.indexOf(featureOrder.get(i))];
    }
    return row;
  }
}
