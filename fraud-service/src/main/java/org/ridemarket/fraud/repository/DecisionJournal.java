package org.ridemarket.fraud.repository;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.util.List;
import org.ridemarket.fraud.PaymentDecision;
import org.ridemarket.fraud.config.FraudConfig;
import org.ridemarket.service.sql.GroupCommit;

/**
 * Writes decisions to PostgreSQL with group commit ({@link GroupCommit}, docs/adr/0005), before they are
 * returned, as pricing's QuoteJournal writes quotes. The insert is {@code ON CONFLICT (transaction_id) DO
 * NOTHING}: the first decision of a transaction id wins, and the caller learns whether its row is the
 * one recorded (docs/adr/0009). A decision's Uni completes only after the statement is committed.
 */
@ApplicationScoped
public class DecisionJournal {

  static final String INSERT = "insert into fraud_decision (transaction_id, payload_sha256, card_fingerprint,"
      + " user_id, device_id, amount_minor, currency, lat, lon, merchant_id, trip_id, event_time, decision, score,"
      + " reasons, features, model_version, degraded, decided_at, review_state)"
      + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)"
      + " on conflict (transaction_id) do nothing";

  private final GroupCommit<PaymentDecision> commits;

  @Inject
  DecisionJournal(Pool pool, FraudConfig config) {
    this(pool, config.journal().maxBatch(), config.journal().maxInFlight());
  }

  DecisionJournal(Pool pool, int maxBatch, int maxInFlight) {
    this.commits = new GroupCommit<>(pool, INSERT, DecisionJournal::tuple, maxBatch, maxInFlight, "fraud.journal");
  }

  /**
   * Records a new decision unless its transaction id is already recorded.
   *
   * @return a Uni of true when this decision's row was inserted, false when a row with its transaction
   *     id already existed (nothing was written); it completes on the caller's Vert.x context
   */
  @WithSpan("DecisionJournal.record")
  public Uni<Boolean> record(PaymentDecision decision) {
    return commits.record(decision);
  }

  /** Writes sent so far (a batch or a retried single decision each); for tests. */
  public int writes() {
    return commits.writes();
  }

  static Tuple tuple(PaymentDecision decision) {
    return Tuple.from(List.of(decision.getTransactionId(), decision.getPayloadSha256(), decision.getCardFingerprint(),
            decision.getUserId(), decision.getDeviceId(), decision.getAmountMinor(), decision.getCurrency(),
            decision.getLat(), decision.getLon()))
        .addValue(decision.getMerchantId())
        .addValue(decision.getTripId())
        .addOffsetDateTime(decision.getEventTime().atOffset(ZoneOffset.UTC))
        .addString(decision.getDecision().name())
        .addValue(decision.getScore())
        .addString(decision.getReasonsJson())
        .addValue(decision.getFeaturesJson())
        .addValue(decision.getModelVersion())
        .addBoolean(decision.isDegraded())
        .addOffsetDateTime(decision.getDecidedAt().atOffset(ZoneOffset.UTC))
        .addString(decision.getReviewState().name());
  }
}
