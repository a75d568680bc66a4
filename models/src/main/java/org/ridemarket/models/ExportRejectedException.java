package org.ridemarket.models;

import org.ridemarket.contracts.model.GateReport;

/** Thrown when the parity gate finds that an export does not reproduce its booster; nothing was published. */
public final class ExportRejectedException extends RuntimeException {

  private final transient GateReport report;

  ExportRejectedException(String model, GateReport report) {
    super("export of " + model + " rejected, nothing published: ONNX Runtime disagrees with XGBoost. "
        + report.summary() + "; worst row " + report.worstRow());
    this.report = report;
  }

  /** The gate's findings. */
  public GateReport report() {
    return report;
  }
}
