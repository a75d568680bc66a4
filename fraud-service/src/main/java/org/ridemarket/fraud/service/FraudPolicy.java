package org.ridemarket.fraud.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ridemarket.contracts.events.FraudDecision;
import org.ridemarket.contracts.features.FraudRules;
import org.ridemarket.fraud.Reason;
import org.ridemarket.fraud.Verdict;
import org.ridemarket.fraud.config.FraudConfig;
import org.ridemarket.fraud.inference.Thresholds;

/**
 * Turns a score and the rules into ALLOW, REVIEW or BLOCK. With a model: BLOCK from the block threshold,
 * REVIEW from the review threshold, and every firing rule forces at least its action (REVIEW unless
 * configured otherwise). Degraded: rules only when the features were read; and without a model or
 * without features, a payment above the fallback amount is never allowed, it gets the fallback decision.
 */
@ApplicationScoped
public class FraudPolicy {

  private final Map<FraudRules, FraudDecision> ruleActions;
  private final long allowUpToMinor;
  private final FraudDecision above;

  @Inject
  FraudPolicy(FraudConfig config) {
    this(ruleActions(config.policy().ruleActions()), config.fallback().allowUpToMinor(), config.fallback().above());
  }

  /**
   * A policy.
   *
   * @param ruleActions the least each listed rule forces (REVIEW or BLOCK); others force REVIEW
   * @param allowUpToMinor largest amount allowed while degraded
   * @param above the decision above that amount while degraded: REVIEW or BLOCK
   */
  public FraudPolicy(Map<FraudRules, FraudDecision> ruleActions, long allowUpToMinor, FraudDecision above) {
    this.ruleActions = new EnumMap<>(FraudRules.class);
    for (FraudRules rule : FraudRules.values()) {
      FraudDecision action = ruleActions.getOrDefault(rule, FraudDecision.REVIEW);
      requireReviewOrBlock("fraud.policy.rule-actions." + rule, action);
      this.ruleActions.put(rule, action);
    }
    requireReviewOrBlock("fraud.fallback.above", above);
    if (allowUpToMinor < 0) {
      throw new IllegalArgumentException("fraud.fallback.allow-up-to-minor must not be negative");
    }
    this.allowUpToMinor = allowUpToMinor;
    this.above = above;
  }

  /** The decision for a score from the model in service and the rules on its row. */
  public Verdict decide(double score, Thresholds thresholds, float[] row) {
    List<Reason> reasons = new ArrayList<>();
    FraudDecision decision = FraudDecision.ALLOW;
    if (score >= thresholds.block()) {
      decision = FraudDecision.BLOCK;
      reasons.add(new Reason(Reason.MODEL_SCORE, scoreDetail(score, "block", thresholds.block())));
    } else if (score >= thresholds.review()) {
      decision = FraudDecision.REVIEW;
      reasons.add(new Reason(Reason.MODEL_SCORE, scoreDetail(score, "review", thresholds.review())));
    }
    decision = applyRules(row, decision, reasons);
    return new Verdict(decision, false, reasons);
  }

  /** The decision when the features were read but no model could score them: rules, then the amount limit. */
  public Verdict withoutModel(float[] row, long amountMinor, String why) {
    List<Reason> reasons = new ArrayList<>();
    reasons.add(new Reason(Reason.MODEL_UNAVAILABLE, why));
    FraudDecision decision = applyRules(row, FraudDecision.ALLOW, reasons);
    return new Verdict(amountLimit(decision, amountMinor, reasons, false), true, reasons);
  }

  /** The decision when the features could not be read: only the amount limit is left. */
  public Verdict withoutFeatures(long amountMinor, String why) {
    List<Reason> reasons = new ArrayList<>();
    reasons.add(new Reason(Reason.FEATURES_UNAVAILABLE, why));
    return new Verdict(amountLimit(FraudDecision.ALLOW, amountMinor, reasons, true), true, reasons);
  }

  private FraudDecision applyRules(float[] row, FraudDecision decision, List<Reason> reasons) {
    Set<FraudRules> firing = FraudRules.firing(row);
    FraudDecision result = decision;
    for (FraudRules rule : firing) {
      reasons.add(new Reason(rule.name(), rule.detail(row)));
      result = stricter(result, ruleActions.get(rule));
    }
    return result;
  }

  // The limit only ever makes a decision stricter; an allowed payment within it says so when it is the whole story.
  private FraudDecision amountLimit(FraudDecision decision, long amountMinor, List<Reason> reasons,
      boolean explainAllow) {
    if (amountMinor > allowUpToMinor) {
      reasons.add(new Reason(Reason.FALLBACK_AMOUNT, "amount_minor=" + amountMinor + " above the degraded limit "
          + allowUpToMinor + ": " + above));
      return stricter(decision, above);
    }
    if (explainAllow && decision == FraudDecision.ALLOW) {
      reasons.add(new Reason(Reason.FALLBACK_AMOUNT, "amount_minor=" + amountMinor + " within the degraded limit "
          + allowUpToMinor));
    }
    return decision;
  }

  private static FraudDecision stricter(FraudDecision a, FraudDecision b) {
    return a.ordinal() >= b.ordinal() ? a : b;
  }

  private static String scoreDetail(double score, String threshold, double value) {
    return String.format(Locale.ROOT, "score %.6f >= %s threshold %.6f", score, threshold, value);
  }

  private static void requireReviewOrBlock(String property, FraudDecision decision) {
    if (decision != FraudDecision.REVIEW && decision != FraudDecision.BLOCK) {
      throw new IllegalArgumentException(property + " must be REVIEW or BLOCK, not " + decision);
    }
  }

  private static Map<FraudRules, FraudDecision> ruleActions(Map<String, FraudDecision> configured) {
    Map<FraudRules, FraudDecision> actions = new EnumMap<>(FraudRules.class);
    configured.forEach((rule, action) -> {
      try {
        actions.put(FraudRules.valueOf(rule), action);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("fraud.policy.rule-actions names no rule " + rule + "; rules are "
            + List.of(FraudRules.values()), e);
      }
    });
    return actions;
  }
}
