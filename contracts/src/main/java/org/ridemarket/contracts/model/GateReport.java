package org.ridemarket.contracts.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The result of the export parity gate: how many rows ONNX Runtime and XGBoost were both asked to
 * score, the largest absolute difference between their answers, and the row that produced it.
 *
 * @param rowsChecked every row scored by both runtimes (held-out plus generated)
 * @param heldOutRows the caller's held-out rows among them
 * @param maxAbsDiff the largest |xgboost - onnx| over all rows (infinite if a runtime returned NaN)
 * @param tolerance the gate passes only when {@code maxAbsDiff < tolerance}
 * @param worstRow the feature values of the worst row in signature order; {@code null} marks a missing value
 * @param worstRowSource where the worst row came from, e.g. {@code held-out}, {@code threshold-below}
 * @param xgboostAtWorst XGBoost's prediction for the worst row
 * @param onnxAtWorst ONNX Runtime's prediction for the worst row
 */
public record GateReport(
    int rowsChecked,
    int heldOutRows,
    double maxAbsDiff,
    double tolerance,
    List<Float> worstRow,
    String worstRowSource,
    double xgboostAtWorst,
    double onnxAtWorst) {

  /** The gate tolerance the project publishes with: max abs diff below 1e-4. */
  public static final double DEFAULT_TOLERANCE = 1e-4;

  public GateReport {
    if (heldOutRows < 1 || rowsChecked < heldOutRows) {
      throw new IllegalArgumentException(
          "a gate report needs held-out rows and rowsChecked >= heldOutRows, got " + rowsChecked + "/" + heldOutRows);
    }
    Objects.requireNonNull(worstRowSource, "worstRowSource");
    // List.copyOf rejects nulls, and null is how a missing feature value is written.
    worstRow = Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(worstRow, "worstRow")));
  }

  /** Whether ONNX Runtime agreed with XGBoost closely enough for the artifact to be published. */
  public boolean passed() {
    return maxAbsDiff < tolerance;
  }

  /** A one-line account for logs and exception messages. */
  public String summary() {
    return String.format(
        "%s: %d rows (%d held-out), max |xgboost - onnx| = %.3g (tolerance %.1g) on a %s row: xgboost %s, onnx %s",
        passed() ? "passed" : "FAILED", rowsChecked, heldOutRows, maxAbsDiff, tolerance, worstRowSource,
        xgboostAtWorst, onnxAtWorst);
  }
}
