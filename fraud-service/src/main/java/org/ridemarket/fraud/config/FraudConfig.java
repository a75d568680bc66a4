package org.ridemarket.fraud.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.ridemarket.contracts.events.FraudDecision;

/** Configuration of the fraud service; every default runs against the local stack except the API keys. */
@ConfigMapping(prefix = "fraud")
public interface FraudConfig {

  /** Who may call the service. */
  Auth auth();

  /** How the decision is made from the score and the rules. */
  Policy policy();

  /** What is decided when the features or the model are unavailable. */
  Fallback fallback();

  /** Which fraud model is served. */
  Model model();

  /** API keys, sent as {@code X-Api-Key} or {@code Authorization: Bearer}. */
  interface Auth {

    /**
     * Keys of the payment gateway (scoring); each entry is the key itself or {@code sha256:<hex>} of
     * it, so that a deployment need not hold the keys in clear.
     */
    List<String> apiKeys();

    /** Keys of the fraud analysts (the review queue), same format; a gateway key cannot label payments. */
    List<String> analystKeys();
  }

  /** Thresholds and per-rule actions. */
  interface Policy {

    /** Score from which a payment is reviewed; default the model signature's {@code threshold_review}. */
    OptionalDouble reviewThreshold();

    /** Score from which a payment is blocked; default the model signature's {@code threshold_block}. */
    OptionalDouble blockThreshold();

    /**
     * The least a firing rule forces, per rule name (REVIEW or BLOCK); rules not listed force REVIEW.
     * application.properties makes card testing block: the card is being probed right now.
     */
    Map<String, FraudDecision> ruleActions();

    /** How many features are named as reasons when the score reaches the review threshold. */
    @WithDefault("3")
    int topFeatures();
  }

  /** The degraded policy: never silently ALLOW a payment above {@link #allowUpToMinor()}. */
  interface Fallback {

    /** Largest amount (minor units) allowed without a model or without features, when no rule fires. */
    @WithDefault("5000")
    long allowUpToMinor();

    /** The decision above that amount: REVIEW or BLOCK. */
    @WithDefault("REVIEW")
    FraudDecision above();
  }

  /** The fraud model in the artifact store ({@code serving.models.dir}). */
  interface Model {

    /** The model's name in the store. */
    @WithDefault("fraud")
    String name();

    /** The version to serve; when absent, the most recently published version. */
    Optional<String> version();

    /**
     * How many of the scoring features ({@code VelocityFeatures.NAMES}, append-only), from the first, the model
     * takes: 31 for the simulated city's {@code fraud} models (the list before the long windows, merchants and
     * label feedback), 61 for a model trained with them ({@code fraud-handbook:1}), 63 for one trained with the amount
     * over the card's 7- and 30-day means too ({@code fraud-handbook:2}). The service always reads
     * and records every feature; a model whose signature lists other names is refused.
     */
    @WithDefault("31")
    int features();
  }
}
