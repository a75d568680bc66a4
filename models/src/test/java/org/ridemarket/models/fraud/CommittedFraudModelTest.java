package org.ridemarket.models.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.features.VelocityFeatures;
import org.ridemarket.contracts.model.ModelArtifact;
import org.ridemarket.contracts.model.ModelArtifacts;
import org.ridemarket.models.OnnxScorer;

/** The fraud model committed under models/artifacts, which the fraud service will serve out of the box. */
class CommittedFraudModelTest {

  private static final Path ARTIFACTS = Path.of("artifacts");
  /** fraud-1 was trained before the long windows, merchants and label feedback were appended: it takes the first 31. */
  private static final List<String> FRAUD_1_FEATURES = VelocityFeatures.NAMES.subList(0, 31);

  private static ModelArtifact artifact;
  private static OnnxScorer scorer;

  @BeforeAll
  static void open() {
    // load() verifies the bytes against the signature's hash and that the gate passed
    artifact = ModelArtifacts.load(ARTIFACTS, "fraud", "1");
    scorer = OnnxScorer.open(artifact.onnx(), artifact.signature().inputName(), artifact.signature().outputName(),
        FRAUD_1_FEATURES.size());
  }

  @AfterAll
  static void close() {
    scorer.close();
  }

  @Test
  void shouldTakeTheContractScoringRowAndCarryItsThresholds() {
    artifact.signature().requireFeatures(FRAUD_1_FEATURES);
    Map<String, Double> metrics = artifact.signature().metrics();
    assertThat(metrics).containsKeys("pr_auc_model", "recall_at_1pct_rules", "recall_at_1pct_model",
        "recall_at_1pct_combined", "threshold_review", "threshold_block", "held_out_frauds");
    assertThat(metrics.get("threshold_review")).isBetween(0.0, 1.0);
    assertThat(metrics.get("threshold_block")).isBetween(metrics.get("threshold_review"), 1.0);
  }

  @Test
  void shouldScoreACardTestingBurstAboveAnOrdinaryFare() {
    // a regular rider's fare: a card seen for weeks, last paid yesterday a few km away
    float[] ordinary = row(Map.ofEntries(Map.entry("amount_minor", 1850f), Map.entry("card_count_24h", 1f),
        Map.entry("card_amount_24h", 1600f), Map.entry("user_count_24h", 1f), Map.entry("user_amount_24h", 1600f),
        Map.entry("device_count_24h", 1f), Map.entry("device_amount_24h", 1600f),
        Map.entry("card_distinct_devices_24h", 1f), Map.entry("device_distinct_cards_24h", 1f),
        Map.entry("user_distinct_cards_24h", 1f), Map.entry("user_distinct_devices_24h", 1f),
        Map.entry("card_seconds_since_last", 80_000f), Map.entry("user_seconds_since_last", 80_000f),
        Map.entry("device_seconds_since_last", 80_000f), Map.entry("card_speed_kmh_from_last", 0.2f),
        Map.entry("user_speed_kmh_from_last", 0.2f), Map.entry("device_speed_kmh_from_last", 0.2f),
        Map.entry("card_payments_seen", 40f), Map.entry("amount_over_card_avg", 1.1f)));
    // a fresh card's fifth payment of a dollar or two within a minute, same device and account
    float[] cardTesting = row(Map.ofEntries(Map.entry("amount_minor", 150f), Map.entry("card_count_1m", 4f),
        Map.entry("card_amount_1m", 700f), Map.entry("card_count_1h", 4f), Map.entry("card_amount_1h", 700f),
        Map.entry("card_count_24h", 4f), Map.entry("card_amount_24h", 700f), Map.entry("user_count_1m", 4f),
        Map.entry("user_amount_1m", 700f), Map.entry("user_count_1h", 4f), Map.entry("user_amount_1h", 700f),
        Map.entry("user_count_24h", 4f), Map.entry("user_amount_24h", 700f), Map.entry("device_count_1m", 4f),
        Map.entry("device_amount_1m", 700f), Map.entry("device_count_1h", 4f), Map.entry("device_amount_1h", 700f),
        Map.entry("device_count_24h", 4f), Map.entry("device_amount_24h", 700f),
        Map.entry("card_distinct_devices_24h", 1f), Map.entry("device_distinct_cards_24h", 1f),
        Map.entry("user_distinct_cards_24h", 1f), Map.entry("user_distinct_devices_24h", 1f),
        Map.entry("card_seconds_since_last", 12f), Map.entry("user_seconds_since_last", 12f),
        Map.entry("device_seconds_since_last", 12f), Map.entry("card_speed_kmh_from_last", 0f),
        Map.entry("user_speed_kmh_from_last", 0f), Map.entry("device_speed_kmh_from_last", 0f),
        Map.entry("card_payments_seen", 4f), Map.entry("amount_over_card_avg", 0.86f)));

    float ordinaryScore = scorer.score(ordinary);
    float cardTestingScore = scorer.score(cardTesting);

    assertThat(cardTestingScore).isGreaterThan(ordinaryScore + 0.5f);
    assertThat(ordinaryScore).isLessThan(artifact.signature().metrics().get("threshold_review").floatValue());
  }

  private static float[] row(Map<String, Float> values) {
    float[] row = new float[FRAUD_1_FEATURES.size()];
    Arrays.fill(row, 0f);
    values.forEach((name, value) -> {
      int index = FRAUD_1_FEATURES.indexOf(name);
      assertThat(index).as(name).isNotNegative();
      row[index] = value;
    });
    return row;
  }
}
