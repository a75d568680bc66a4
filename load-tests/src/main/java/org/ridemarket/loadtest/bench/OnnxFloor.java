package org.ridemarket.loadtest.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.ridemarket.contracts.features.SupplyDemandFeatures;
import org.ridemarket.contracts.features.SupplyDemandSnapshot;
import org.ridemarket.service.onnx.ModelStore;
import org.ridemarket.service.onnx.OnnxModel;

/**
 * The inference floor: one ONNX run of the committed surge model, loaded in this JVM through the
 * services' own {@link ModelStore} and {@link OnnxModel} (same session options, same per-thread input
 * buffer), on a row read from Redis when there is one, else on the model's own gate row.
 */
public final class OnnxFloor {

  private OnnxFloor() {
  }

  /** Times {@code samples} single-row scores (after as many unrecorded ones) of the newest surge model. */
  public static Floor measure(Path modelsDir, Optional<String> cell, Map<String, String> hash, int samples) {
    String what = "ONNX surge, 1 row";
    OnnxModel model;
    try {
      model = new ModelStore(modelsDir, "surge").open("surge", Optional.empty(), SupplyDemandFeatures.NAMES);
    } catch (RuntimeException e) {
      return Floor.missing(what, "cannot load the surge model from " + modelsDir.toAbsolutePath() + ": " + e.getMessage());
    }
    try (model) {
      float[] row;
      String source;
      if (cell.isPresent() && !hash.isEmpty()) {
        row = SupplyDemandSnapshot.fromRedisHash(cell.get(), hash).toFloats();
        source = "row of cell " + cell.get() + " from Redis";
      } else {
        row = gateRow(model.signature().gate().worstRow());
        source = "the model's gate row (no feature row in Redis)";
      }
      Histogram nanos = new Histogram(3);
      float sink = 0;
      for (int i = -samples; i < samples; i++) {
        long start = System.nanoTime();
        sink += model.score(row);
        long took = System.nanoTime() - start;
        if (i >= 0) {
          nanos.recordValue(took);
        }
      }
      // Printed so the JIT cannot drop the calls as dead code.
      return Floor.fromNanos("ONNX " + model.id() + ", 1 row", nanos,
          "ModelStore/OnnxModel in the harness's JVM, " + source + String.format(java.util.Locale.ROOT,
              "; mean score %.3f", sink / (2.0 * samples)));
    }
  }

  private static float[] gateRow(List<Float> values) {
    float[] row = new float[values.size()];
    for (int i = 0; i < row.length; i++) {
      row[i] = values.get(i) == null ? Float.NaN : values.get(i);
    }
    return row;
  }
}
