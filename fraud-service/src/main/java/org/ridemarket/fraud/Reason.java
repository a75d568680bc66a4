package org.ridemarket.fraud;

/**
 * Why a decision was made: a rule that fired, the score against a threshold, a feature that pushed the
 * score up, or why the decision is degraded.
 *
 * @param code a stable machine-readable code, e.g. {@code CARD_TESTING_BURST} or {@code FEATURES_UNAVAILABLE}
 * @param detail the numbers behind it, for a person
 */
public record Reason(String code, String detail) {

  /** The score reached a threshold. */
  public static final String MODEL_SCORE = "MODEL_SCORE";
  /** Prefix of the codes of features that pushed the score up: {@code FEATURE_CARD_COUNT_1M}. */
  public static final String FEATURE_PREFIX = "FEATURE_";
  /** Redis was down, slow or returned a malformed hash: no features, no rules, no model. */
  public static final String FEATURES_UNAVAILABLE = "FEATURES_UNAVAILABLE";
  /** No model in service, or it failed: rules only. */
  public static final String MODEL_UNAVAILABLE = "MODEL_UNAVAILABLE";
  /** The degraded policy's amount limit decided. */
  public static final String FALLBACK_AMOUNT = "FALLBACK_AMOUNT";
}
