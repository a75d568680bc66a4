package org.ridemarket.models;

import java.util.Arrays;
import org.ridemarket.contracts.model.GateReport;

/**
 * Measures what the README reports: gate parity per objective for 200-tree, depth-6 models, and the
 * latency of one single-row ONNX Runtime call on a single-threaded session.
 *
 * <p>Run after {@code mvn install}: {@code mvn -q exec:java -Dexec.mainClass=org.ridemarket.models.ExportBenchmark
 * -Dexec.classpathScope=test}
 */
public final class ExportBenchmark {

  private static final int TREES = 200;
  private static final int DEPTH = 6;
  private static final int WARM_UP_CALLS = 20_000;
  private static final int MEASURED_CALLS = 100_000;

  private ExportBenchmark() {
  }

  public static void main(String[] args) {
    XgboostOnnxExporter exporter = new XgboostOnnxExporter();
    ExportGate gate = new ExportGate();
    for (Objective objective : Objective.values()) {
      SyntheticMarket.Trained trained = SyntheticMarket.train(objective, TREES, DEPTH);
      ExportedModel exported = exporter.export(trained.booster(), trained.featureNames());
      long start = System.nanoTime();
      GateReport report = gate.check(trained.booster(), exported, trained.heldOut());
      System.out.printf("%-18s %d trees, depth %d, %,d bytes: gate %s (%.0f ms)%n", objective.xgboostName(), TREES,
          DEPTH, exported.onnx().length, report.summary(), (System.nanoTime() - start) / 1e6);
      if (objective == Objective.BINARY_LOGISTIC) {
        latency(exported, trained.heldOut());
      }
    }
  }

  private static void latency(ExportedModel exported, float[][] rows) {
    try (OnnxScorer scorer = OnnxScorer.open(exported)) {
      float sink = 0;
      for (int i = 0; i < WARM_UP_CALLS; i++) {
        sink += scorer.score(rows[i % rows.length]);
      }
      long[] nanos = new long[MEASURED_CALLS];
      for (int i = 0; i < MEASURED_CALLS; i++) {
        long start = System.nanoTime();
        sink += scorer.score(rows[i % rows.length]);
        nanos[i] = System.nanoTime() - start;
      }
      Arrays.sort(nanos);
      System.out.printf("single-row ONNX Runtime call, %,d calls after %,d warm-up: p50 %.1f us, p99 %.1f us, "
              + "p99.9 %.1f us, max %.1f us (checksum %.3f)%n", MEASURED_CALLS, WARM_UP_CALLS,
          nanos[MEASURED_CALLS / 2] / 1e3, nanos[MEASURED_CALLS * 99 / 100] / 1e3,
          nanos[MEASURED_CALLS * 999 / 1000] / 1e3, nanos[MEASURED_CALLS - 1] / 1e3, sink);
    }
  }
}
