package org.ridemarket.loadtest.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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
 *
 * <p>Measured twice. Back to back, the model's trees stay in the CPU's caches: the best case. In a service the
 * requests between two runs of a model, and the other processes on the same cores, evict them, and a tree walk
 * becomes a chain of cache misses; so the second measure sweeps {@link #SWEEP_BYTES} of memory before each run,
 * the worst case. A service under load pays something between the two.
 */
public final class OnnxFloor {

  /** Larger than any last-level cache a VM of this kind is given. */
  static final int SWEEP_BYTES = 64 << 20;
  private static final int CACHE_LINE_LONGS = 8;

  /** The model's run with warm caches, and with caches swept before each run. */
  public record Result(Floor warm, Floor cold) {
  }

  private OnnxFloor() {
  }

  /**
   * Times {@code samples} single-row scores (after as many unrecorded ones) of the newest surge model, then
   * {@code coldSamples} more with the caches swept before each.
   */
  public static Result measure(Path modelsDir, Optional<String> cell, Map<String, String> hash, int samples,
      int coldSamples) {
    OnnxModel model;
    try {
      model = new ModelStore(modelsDir, "surge").open("surge", Optional.empty(), SupplyDemandFeatures.NAMES);
    } catch (RuntimeException e) {
      String why = "cannot load the surge model from " + modelsDir.toAbsolutePath() + ": " + e.getMessage();
      return new Result(Floor.missing("ONNX surge, 1 row", why), Floor.missing("ONNX surge, 1 row, caches swept", why));
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
      float[] sink = new float[1];
      Histogram warm = time(model, row, samples, samples, null, sink);
      long[] sweep = new long[SWEEP_BYTES / Long.BYTES];
      // No untimed runs first: the warm runs have compiled the path, and the sweep is what makes each run cold.
      Histogram cold = time(model, row, 0, coldSamples, sweep, sink);
      // Printed so the JIT cannot drop the calls or the sweeps as dead code.
      String check = String.format(Locale.ROOT, "; mean score %.3f, sweep check %d",
          sink[0] / (2.0 * samples + coldSamples), sweep[sweep.length - CACHE_LINE_LONGS]);
      return new Result(
          Floor.fromNanos("ONNX " + model.id() + ", 1 row", warm,
              "ModelStore/OnnxModel in the harness's JVM, runs back to back (caches warm), " + source + check),
          Floor.fromNanos("ONNX " + model.id() + ", 1 row, caches swept", cold,
              "the same, after writing one word of every cache line of " + (SWEEP_BYTES >> 20)
                  + " MB before each run (caches cold)"));
    }
  }

  // Times `timed` runs after `untimed` ones; with a sweep, touches every cache line of it before each run.
  private static Histogram time(OnnxModel model, float[] row, int untimed, int timed, long[] sweep, float[] sink) {
    Histogram nanos = new Histogram(3);
    for (int i = -untimed; i < timed; i++) {
      if (sweep != null) {
        for (int j = 0; j < sweep.length; j += CACHE_LINE_LONGS) {
          sweep[j] += i;
        }
      }
      long start = System.nanoTime();
      sink[0] += model.score(row);
      long took = System.nanoTime() - start;
      if (i >= 0) {
        nanos.recordValue(took);
      }
    }
    return nanos;
  }

  private static float[] gateRow(List<Float> values) {
    float[] row = new float[values.size()];
    for (int i = 0; i < row.length; i++) {
      row[i] = values.get(i) == null ? Float.NaN : values.get(i);
    }
    return row;
  }
}
