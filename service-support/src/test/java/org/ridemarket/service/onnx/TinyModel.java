package org.ridemarket.service.onnx;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.ridemarket.contracts.model.ModelSignature;
import org.ridemarket.models.ExportGate;
import org.ridemarket.models.ModelDescription;
import org.ridemarket.models.ModelPublisher;
import org.ridemarket.models.XgboostOnnxExporter;

/** Trains a tiny XGBoost model (y = x + 2z) and publishes it through the project's export gate. */
final class TinyModel {

  static final List<String> FEATURES = List.of("x", "z");
  private static final int ROWS = 400;

  private TinyModel() {
  }

  /** Publishes the model as {@code name}/{@code version} under {@code root}, its columns in {@code order}. */
  static ModelSignature publish(Path root, String name, String version, List<String> order) {
    return publish(root, name, version, order, Instant.parse("2026-11-20T00:00:00Z"));
  }

  /** Publishes the model as {@link #publish(Path, String, String, List)} does, stamped {@code publishedAt}. */
  static ModelSignature publish(Path root, String name, String version, List<String> order, Instant publishedAt) {
    return publish(root, name, version, order, publishedAt, 0);
  }

  /** Publishes a model of y = x + 2z + {@code offset}, a candidate that disagrees with the plain one by the offset. */
  static ModelSignature publish(Path root, String name, String version, List<String> order, Instant publishedAt,
      float offset) {
    float[][] rows = new float[ROWS][];
    float[] flat = new float[ROWS * 2];
    float[] labels = new float[ROWS];
    for (int i = 0; i < ROWS; i++) {
      float x = i % 20;
      float z = (i / 20) % 20;
      labels[i] = x + 2 * z + offset;
      rows[i] = order.equals(FEATURES) ? new float[] {x, z} : new float[] {z, x};
      System.arraycopy(rows[i], 0, flat, i * 2, 2);
    }
    try {
      DMatrix train = new DMatrix(flat, ROWS, 2, Float.NaN);
      train.setLabel(labels);
      train.setFeatureNames(order.toArray(String[]::new));
      Map<String, Object> params = new HashMap<>();
      params.put("objective", "reg:squarederror");
      params.put("max_depth", 4);
      params.put("nthread", 1);
      params.put("seed", 7);
      Booster booster = XGBoost.train(train, params, 30, Map.of(), null, null);
      train.dispose();
      ModelPublisher publisher = new ModelPublisher(root, new ExportGate(), Clock.fixed(publishedAt, ZoneOffset.UTC));
      return publisher.publish(new ModelDescription(name, version,
          Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-15T00:00:00Z"), Map.of("rmse", 0.1)),
          booster, new XgboostOnnxExporter().export(booster, order), rows);
    } catch (XGBoostError e) {
      throw new IllegalStateException("cannot train the tiny test model", e);
    }
  }
}
