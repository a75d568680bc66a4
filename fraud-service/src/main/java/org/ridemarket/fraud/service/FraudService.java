package org.ridemarket.fraud.service;

import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;
import org.ridemarket.contracts.features.VelocityScoring;
import org.ridemarket.fraud.DecisionConflictException;
import org.ridemarket.fraud.Payment;
import org.ridemarket.fraud.PaymentDecision;
import org.ridemarket.fraud.Reason;
import org.ridemarket.fraud.Verdict;
import org.ridemarket.fraud.config.FraudConfig;
import org.ridemarket.fraud.inference.FraudModels;
import org.ridemarket.fraud.mapping.DecisionMapper;
import org.ridemarket.fraud.mapping.PaymentMapper;
import org.ridemarket.fraud.repository.DecisionJournal;
import org.ridemarket.fraud.repository.DecisionRepository;
import org.ridemarket.fraud.repository.Velocity;
import org.ridemarket.fraud.repository.VelocityRepository;
import org.ridemarket.service.deadline.Deadline;
import org.ridemarket.service.logging.RateLimitedLog;
import org.ridemarket.service.metrics.DecisionMetrics;
import org.ridemarket.service.pool.DecisionPool;
import org.ridemarket.service.pool.WorkRefusedException;
import org.ridemarket.service.redis.FeatureStoreException;
import org.ridemarket.service.rest.ServiceUnavailableException;
import org.ridemarket.service.sql.NotRecordedException;
import org.ridemarket.service.vertx.VertxContexts;

/**
 * Decides payments: one pipelined Redis read of the card, user and device vectors, the contract's
 * scoring row, the rules and one ONNX run, then the policy. The decision is recorded in PostgreSQL
 * before it is returned; a transaction id already recorded gets its recorded decision back (same
 * payload) or a conflict (another payload), and only a new decision is published to Kafka.
 */
@ApplicationScoped
public class FraudService {

  /** A decision, and whether this request made it (false: a replay of the recorded one). */
  private record Outcome(PaymentDecision decision, boolean isNew) {
  }

  private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  private final VelocityRepository velocity;
  private final FraudModels models;
  private final FraudPolicy policy;
  private final DecisionJournal journal;
  private final DecisionRepository decisions;
  private final DecisionMapper mapper;
  private final PaymentMapper payments;
  private final FraudMetrics metrics;
  private final DecisionMetrics serving;
  private final DecisionPool pool;
  private final int topFeatures;
  private final RateLimitedLog degradedLog = new RateLimitedLog(Logger.getLogger(FraudService.class));

  FraudService(VelocityRepository velocity, FraudModels models, FraudPolicy policy, DecisionJournal journal,
      DecisionRepository decisions, DecisionMapper mapper, PaymentMapper payments, FraudMetrics metrics,
      DecisionMetrics serving, DecisionPool pool, FraudConfig config) {
    this.velocity = velocity;
    this.models = models;
    this.policy = policy;
    this.journal = journal;
    this.decisions = decisions;
    this.mapper = mapper;
    this.payments = payments;
    this.metrics = metrics;
    this.serving = serving;
    this.pool = pool;
    this.topFeatures = config.policy().topFeatures();
  }

  /**
   * The recorded decision of a payment.
   *
   * @return a Uni that fails with {@link DecisionConflictException} when the transaction id was decided
   *     for another payload and with {@link ServiceUnavailableException} when PostgreSQL cannot record
   *     it; Redis and model failures only make the decision degraded
   */
  @WithSpan("FraudService.score")
  public Uni<PaymentDecision> score(Payment payment, Deadline deadline) {
    long started = System.nanoTime();
    Executor context = VertxContexts.current();
    Uni<PaymentDecision> decided = serving.timeFeatureRead(() -> velocity.read(payment.cardFingerprint(),
            payment.userId(), payment.deviceId(), payment.merchantId(), deadline))
        // Parsing, the rules and the ONNX runs are CPU work: the decision pool, never the event loop.
        .chain(hashes -> pool.compute(deadline, () -> decide(payment, VelocityRepository.parse(
            payment.cardFingerprint(), payment.userId(), payment.deviceId(), payment.merchantId(), hashes))))
        .onFailure(failure -> failure instanceof FeatureStoreException || failure instanceof WorkRefusedException)
        .recoverWithItem(failure -> withoutFeatures(payment, failure))
        // Back on the request's context: the journal completes there, and its SQL span joins the request's trace.
        .emitOn(context)
        .chain(decision -> serving.timeRecord(() -> journal.record(decision, deadline))
            .onFailure(NotRecordedException.class).transform(failure -> {
              serving.refused((NotRecordedException) failure);
              return new ServiceUnavailableException("the decision could not be recorded in time; nothing was "
                  + "decided, retry with the same transaction id", RETRY_AFTER);
            })
            .chain(inserted -> inserted ? Uni.createFrom().item(new Outcome(decision, true))
                : deadline.bound(recorded(payment), () -> new ServiceUnavailableException(
                    "the recorded decision could not be read in time; retry", RETRY_AFTER))))
        .invoke(outcome -> {
          if (outcome.isNew()) {
            metrics.decided(outcome.decision().getDecision(), outcome.decision().isDegraded());
          } else {
            metrics.replayed();
          }
          serving.answered(System.nanoTime() - started, outcome.decision().isDegraded());
        })
        .map(Outcome::decision);
    // A gateway that hangs up does not cancel its decision: once decided, it is recorded and published.
    return Uni.createFrom().completionStage(decided.subscribeAsCompletionStage());
  }

  /** The decision recorded for a transaction id, or null. */
  @WithSpan("FraudService.find")
  public Uni<PaymentDecision> find(@SpanAttribute("transaction.id") String transactionId) {
    return decisions.find(transactionId);
  }

  // Another request with this id was recorded first: the same payload gets that decision, another a conflict.
  private Uni<Outcome> recorded(Payment payment) {
    return decisions.find(payment.transactionId()).map(stored -> {
      if (stored == null) {
        throw new IllegalStateException("transaction " + payment.transactionId() + " conflicted but has no row");
      }
      if (!stored.getPayloadSha256().equals(payment.payloadSha256())) {
        throw new DecisionConflictException(payment.transactionId());
      }
      return new Outcome(stored, false);
    });
  }

  /**
   * The decision {@code payment} would get from the rules with no history known, computed on the calling
   * thread and neither recorded, published nor counted: the warm-up's rehearsal of a decision's own CPU work
   * (ADR 0031): the scoring row, the rules, the decision's JSON columns. The core rehearses the Redis read and
   * the model.
   */
  public PaymentDecision rehearse(Payment payment) {
    List<Map<String, String>> nothing = List.of(Map.of(), Map.of(), Map.of(), Map.of());
    float[] row = row(payment, VelocityRepository.parse(payment.cardFingerprint(), payment.userId(),
        payment.deviceId(), payment.merchantId(), nothing));
    return newDecision(payment, policy.withoutModel(row, payment.amountMinor(), "warm-up"), null, row, null);
  }

  private PaymentDecision decide(Payment payment, Velocity read) {
    float[] row = row(payment, read);
    FraudModels.Prediction prediction;
    try {
      long started = System.nanoTime();
      prediction = models.predict(new float[][] {row});
      serving.inferred(System.nanoTime() - started);
      if (Float.isNaN(prediction.values()[0])) {
        throw new IllegalStateException(prediction.modelId() + " returned NaN");
      }
    } catch (RuntimeException e) {
      // No model, a refused model or a failed run: the rules still apply, with the degraded amount limit.
      serving.degraded("model");
      degradedLog.degraded("fraud decisions degraded", Reason.MODEL_UNAVAILABLE, e);
      Verdict verdict = policy.withoutModel(row, payment.amountMinor(), String.valueOf(e.getMessage()));
      return newDecision(payment, verdict, null, row, models.currentId().orElse(null));
    }
    double score = prediction.values()[0];
    Verdict verdict = policy.decide(score, prediction.thresholds(), row);
    List<Reason> reasons = new ArrayList<>(verdict.reasons());
    if (score >= prediction.thresholds().review()) {
      reasons.addAll(FeatureAttribution.topFeatures(row, score, topFeatures,
          rows -> models.predict(rows).values()));
    }
    return newDecision(payment, new Verdict(verdict.decision(), false, reasons), score, row, prediction.modelId());
  }

  private PaymentDecision withoutFeatures(Payment payment, Throwable failure) {
    serving.degraded(DecisionMetrics.reasonOf(failure));
    degradedLog.degraded("fraud decisions degraded", Reason.FEATURES_UNAVAILABLE, failure);
    Verdict verdict = policy.withoutFeatures(payment.amountMinor(), failure.getMessage());
    return newDecision(payment, verdict, null, null, models.currentId().orElse(null));
  }

  private PaymentDecision newDecision(Payment payment, Verdict verdict, Double score, float[] row, String modelId) {
    // Microseconds: what PostgreSQL keeps, so that a replay from the row returns the identical instant.
    Instant decidedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    return new PaymentDecision(payment, verdict.decision(), score, mapper.reasonsJson(verdict.reasons()),
        row == null ? null : mapper.featuresJson(row), modelId, verdict.degraded(), decidedAt);
  }

  // The contract's scoring row of a payment and the vectors read for it.
  private float[] row(Payment payment, Velocity read) {
    return toFloats(VelocityScoring.values(payments.toEvent(payment), read.card(), read.user(), read.device(),
        read.merchant()));
  }

  private static float[] toFloats(double[] values) {
    float[] row = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      row[i] = (float) values[i];
    }
    return row;
  }
}
