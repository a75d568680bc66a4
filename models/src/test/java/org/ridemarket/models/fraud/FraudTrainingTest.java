package org.ridemarket.models.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ridemarket.contracts.features.VelocityFeatures;
import org.ridemarket.contracts.model.ModelArtifacts;
import org.ridemarket.contracts.model.ModelSignature;
import org.ridemarket.topologies.velocity.VelocitySettings;

/**
 * The retraining job end to end on a short history (late labels hours, not days, later, a higher fraud
 * share): simulate, replay, join labels, check them against the simulator's truth, train, gate, publish.
 */
class FraudTrainingTest {

  @TempDir
  static Path dir;
  private static List<FraudRow> rows;
  private static Map<String, String[]> truth;
  private static int payments;
  private static Map<String, String> settings;

  @BeforeAll
  static void simulate() throws IOException {
    Path truthCsv = dir.resolve("truth.csv");
    FraudHistory history = FraudTrainingMain.simulate(List.of("--seed", "5", "--start", "2026-11-02T08:00",
        "--no-uber", "--fraud-share", "0.05", "--label-delay", "1h-2h", "--ground-truth", truthCsv.toString()),
        Duration.ofHours(9), null);
    rows = history.rows();
    payments = history.payments();
    settings = history.replay().settings().signatureSettings();
    try (var lines = Files.lines(truthCsv)) {
      truth = lines.skip(1).map(line -> line.split(",", -1)).collect(Collectors.toMap(f -> f[0], Function.identity()));
    }
  }

  @Test
  void shouldLabelEveryMaturedPaymentAsTheGroundTruthSays() {
    // every payment replayed was made at least the label window before the end, so each has a row
    assertThat(rows).hasSize(payments);
    assertThat(rows).filteredOn(FraudRow::fraud).hasSizeGreaterThan(20);
    for (FraudRow row : rows) {
      String[] fields = truth.get(row.transactionId());
      assertThat(fields).as(row.transactionId()).isNotNull();
      assertThat(row.fraud() ? "FRAUD" : "LEGIT").as(row.transactionId()).isEqualTo(fields[6]);
      assertThat(row.pattern().name()).as(row.transactionId()).isEqualTo(fields[7]);
    }
  }

  @Test
  void shouldPublishAGatedModelWithItsReviewAndBlockThresholds() {
    // when it trains on the first hours and holds out the last three
    FraudTrainer.Result result = FraudTrainer.train(rows, Duration.ofHours(3));
    ModelSignature signature = FraudTrainer.publish(result, dir.resolve("artifacts"), "test-1", null, settings);

    // then the artifact loads with the contract's features, its thresholds and its held-out metrics
    assertThat(ModelArtifacts.load(dir.resolve("artifacts"), "fraud", "test-1").signature()).isEqualTo(signature);
    assertThat(signature.featureNames()).isEqualTo(VelocityFeatures.NAMES);
    // with the velocity settings its rows were replayed with, for feature-streams to compare (ADR 0025)
    assertThat(signature.settings()).isEqualTo(VelocitySettings.defaults().signatureSettings())
        .containsKeys("velocity.windows", "velocity.grace");
    assertThat(signature.gate().maxAbsDiff()).isLessThan(1e-4);
    assertThat(signature.metrics()).containsKeys("pr_auc_model", "recall_at_1pct_rules", "recall_at_1pct_model",
        "recall_at_1pct_combined", "threshold_review", "threshold_block");
    assertThat(signature.metrics().get("threshold_block")).isGreaterThanOrEqualTo(signature.metrics().get("threshold_review"));
    // no training row is as late as a held-out row
    assertThat(result.train().get(result.train().size() - 1).time()).isLessThan(result.heldOut().get(0).time());
    // the model ranks fraud far above its share (0.05), which is what a random ranking would score
    assertThat(signature.metrics().get("pr_auc_model")).isGreaterThan(0.3);
    assertThat(signature.metrics().get("pr_auc_rules")).isBetween(0.0, 1.0);
    assertThat(signature.metrics().get("pr_auc_combined")).isBetween(0.0, 1.0);
  }
}
