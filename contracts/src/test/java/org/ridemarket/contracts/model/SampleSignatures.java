package org.ridemarket.contracts.model;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Signatures for tests, consistent with the bytes they describe. */
final class SampleSignatures {

  static final List<String> FEATURES = List.of("card_count_1m", "card_amount_1h", "device_cards_24h");

  private SampleSignatures() {
  }

  static ModelSignature fraud(byte[] onnx) {
    return new ModelSignature("fraud", "2026.11.21-1", FEATURES, "binary:logistic", "features", "probability",
        Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-11-01T00:00:00Z"),
        Map.of("auc", 0.93, "logloss", 0.21), Instant.parse("2026-11-21T05:00:00Z"),
        ModelArtifacts.sha256(onnx), passingGate());
  }

  static GateReport passingGate() {
    return new GateReport(4_212, 500, 2.9e-7, GateReport.DEFAULT_TOLERANCE,
        Arrays.asList(3.0f, null, 1.5f), "threshold-missing", 0.0731, 0.07310003);
  }
}
