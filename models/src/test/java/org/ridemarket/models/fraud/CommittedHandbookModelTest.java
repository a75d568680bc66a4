package org.ridemarket.models.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.features.VelocityFeatures;
import org.ridemarket.contracts.model.ModelArtifact;
import org.ridemarket.contracts.model.ModelArtifacts;

/** The committed models trained on the handbook's history: which features each takes and what it was trained on. */
class CommittedHandbookModelTest {

  @Test
  void shouldTakeTheWholeScoringRowAndNameItsHistory() {
    // load() verifies the bytes against the signature's hash and that the parity gate passed
    ModelArtifact artifact = ModelArtifacts.load(Path.of("artifacts"), HandbookEvaluationMain.MODEL_NAME, "2");

    artifact.signature().requireFeatures(VelocityFeatures.NAMES);
    assertThat(artifact.signature().name()).isEqualTo("fraud-handbook");
    // four weeks of training before the 7-day delay that precedes the last test week, 2018-07-25..31
    assertThat(artifact.signature().trainedFrom()).isAfterOrEqualTo(Instant.parse("2018-06-20T00:00:00Z"))
        .isBefore(Instant.parse("2018-06-21T00:00:00Z"));
    assertThat(artifact.signature().trainedTo()).isBefore(Instant.parse("2018-07-18T00:00:00Z"));
    assertThat(artifact.signature().metrics()).containsKeys("average_precision", "card_precision_at_100",
        "roc_auc", "recall_at_fpr_0.5pct", "threshold_review", "threshold_block");
    assertThat(artifact.signature().settings()).isNotEmpty();
    assertThat(artifact.signature().history()).startsWith("Fraud Detection Handbook card transactions paid 2018-06-20");
  }

  @Test
  void shouldKeepTheFirstVersionServableWithTheFeaturesItWasTrainedOn() {
    ModelArtifact artifact = ModelArtifacts.load(Path.of("artifacts"), HandbookEvaluationMain.MODEL_NAME, "1");

    artifact.signature().requireFeatures(VelocityFeatures.NAMES.subList(0, 61));
    assertThat(artifact.signature().trainedFrom()).isAfterOrEqualTo(Instant.parse("2018-07-11T00:00:00Z"));
  }
}
