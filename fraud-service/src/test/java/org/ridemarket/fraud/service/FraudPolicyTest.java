package org.ridemarket.fraud.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.events.FraudDecision;
import org.ridemarket.contracts.features.FraudRules;
import org.ridemarket.contracts.features.VelocityFeatures;
import org.ridemarket.fraud.Reason;
import org.ridemarket.fraud.Verdict;
import org.ridemarket.fraud.inference.Thresholds;

class FraudPolicyTest {

  private static final Thresholds THRESHOLDS = new Thresholds(0.90, 0.99);
  private final FraudPolicy policy = new FraudPolicy(Map.of(FraudRules.CARD_TESTING_BURST, FraudDecision.BLOCK),
      5_000, FraudDecision.REVIEW);

  @Test
  void shouldAllowALowScoreWithoutRules() {
    Verdict verdict = policy.decide(0.2, THRESHOLDS, row(Map.of("amount_minor", 1800f)));

    assertThat(verdict.decision()).isEqualTo(FraudDecision.ALLOW);
    assertThat(verdict.degraded()).isFalse();
    assertThat(verdict.reasons()).isEmpty();
  }

  @Test
  void shouldReviewFromTheReviewThresholdAndBlockFromTheBlockThreshold() {
    float[] row = row(Map.of("amount_minor", 1800f));

    assertThat(policy.decide(0.90, THRESHOLDS, row).decision()).isEqualTo(FraudDecision.REVIEW);
    assertThat(policy.decide(0.989, THRESHOLDS, row).decision()).isEqualTo(FraudDecision.REVIEW);
    Verdict blocked = policy.decide(0.99, THRESHOLDS, row);
    assertThat(blocked.decision()).isEqualTo(FraudDecision.BLOCK);
    assertThat(blocked.reasons()).extracting(Reason::code).containsExactly(Reason.MODEL_SCORE);
    assertThat(blocked.reasons().get(0).detail()).isEqualTo("score 0.990000 >= block threshold 0.990000");
  }

  @Test
  void shouldForceAReviewWhenARuleFiresWhateverTheScore() {
    float[] row = row(Map.of("amount_minor", 1800f, "card_speed_kmh_from_last", 5000f));

    Verdict verdict = policy.decide(0.01, THRESHOLDS, row);

    assertThat(verdict.decision()).isEqualTo(FraudDecision.REVIEW);
    assertThat(verdict.reasons()).extracting(Reason::code).containsExactly("IMPOSSIBLE_TRAVEL");
    assertThat(verdict.reasons().get(0).detail()).contains("card_speed_kmh_from_last=5000");
  }

  @Test
  void shouldBlockCardTestingByDefaultAction() {
    float[] row = row(Map.of("amount_minor", 300f, "card_count_1m", 3f));

    Verdict verdict = policy.decide(0.01, THRESHOLDS, row);

    assertThat(verdict.decision()).isEqualTo(FraudDecision.BLOCK);
    assertThat(verdict.reasons().get(0).detail()).isEqualTo(
        "card_count_1m=3 within 1 minute (>= 2), amount_minor=300 (<= 500)");
  }

  @Test
  void shouldNeverLetARuleLowerAModelBlock() {
    float[] row = row(Map.of("amount_minor", 1800f, "device_distinct_cards_24h", 5f));

    assertThat(policy.decide(0.995, THRESHOLDS, row).decision()).isEqualTo(FraudDecision.BLOCK);
  }

  @Test
  void shouldApplyAConfiguredRuleAction() {
    FraudPolicy strict = new FraudPolicy(Map.of(FraudRules.IMPOSSIBLE_TRAVEL, FraudDecision.BLOCK), 5_000,
        FraudDecision.REVIEW);

    assertThat(strict.decide(0.01, THRESHOLDS, row(Map.of("card_speed_kmh_from_last", 5000f))).decision())
        .isEqualTo(FraudDecision.BLOCK);
    assertThat(strict.decide(0.01, THRESHOLDS, row(Map.of("amount_minor", 300f, "card_count_1m", 3f))).decision())
        .as("card testing falls back to REVIEW when not configured").isEqualTo(FraudDecision.REVIEW);
  }

  @Test
  void shouldAllowASmallPaymentWithoutFeaturesFlaggedDegraded() {
    Verdict verdict = policy.withoutFeatures(5_000, "Redis did not answer");

    assertThat(verdict.decision()).isEqualTo(FraudDecision.ALLOW);
    assertThat(verdict.degraded()).isTrue();
    assertThat(verdict.reasons()).extracting(Reason::code)
        .containsExactly(Reason.FEATURES_UNAVAILABLE, Reason.FALLBACK_AMOUNT);
  }

  @Test
  void shouldNeverSilentlyAllowALargePaymentWithoutFeatures() {
    Verdict verdict = policy.withoutFeatures(5_001, "Redis did not answer");

    assertThat(verdict.decision()).isEqualTo(FraudDecision.REVIEW);
    assertThat(verdict.reasons().get(1).detail()).contains("amount_minor=5001 above the degraded limit 5000");
    FraudPolicy blocking = new FraudPolicy(Map.of(), 5_000, FraudDecision.BLOCK);
    assertThat(blocking.withoutFeatures(9_000, "down").decision()).isEqualTo(FraudDecision.BLOCK);
  }

  @Test
  void shouldApplyRulesAndTheAmountLimitWithoutAModel() {
    float[] quiet = row(Map.of("amount_minor", 1800f));
    float[] testing = row(Map.of("amount_minor", 300f, "card_count_1m", 3f));
    float[] large = row(Map.of("amount_minor", 9000f));

    assertThat(policy.withoutModel(quiet, 1800, "no model").decision()).isEqualTo(FraudDecision.ALLOW);
    Verdict blocked = policy.withoutModel(testing, 300, "no model");
    assertThat(blocked.decision()).isEqualTo(FraudDecision.BLOCK);
    assertThat(blocked.degraded()).isTrue();
    assertThat(blocked.reasons()).extracting(Reason::code)
        .containsExactly(Reason.MODEL_UNAVAILABLE, "CARD_TESTING_BURST");
    assertThat(policy.withoutModel(large, 9000, "no model").decision()).isEqualTo(FraudDecision.REVIEW);
  }

  @Test
  void shouldRefuseAnAllowAsFallbackOrRuleAction() {
    assertThatThrownBy(() -> new FraudPolicy(Map.of(), 5_000, FraudDecision.ALLOW))
        .hasMessageContaining("fraud.fallback.above must be REVIEW or BLOCK");
    assertThatThrownBy(() -> new FraudPolicy(Map.of(FraudRules.DEVICE_MANY_CARDS, FraudDecision.ALLOW), 5_000,
        FraudDecision.REVIEW)).hasMessageContaining("DEVICE_MANY_CARDS");
  }

  private static float[] row(Map<String, Float> values) {
    float[] row = new float[VelocityFeatures.NAMES.size()];
    values.forEach((name, value) -> row[VelocityFeatures.NAMES.indexOf(name)] = value);
    return row;
  }
}
