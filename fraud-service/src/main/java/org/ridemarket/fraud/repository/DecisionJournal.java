package org.ridemarket.fraud.repository;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.ridemarket.fraud.PaymentDecision;
import org.ridemarket.contracts.events.FraudDecided;
import org.ridemarket.contracts.serde.AvroSerde;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.fraud.mapping.DecisionMapper;
import org.ridemarket.service.config.ServingConfig;
import org.ridemarket.service.deadline.Deadline;
import org.ridemarket.service.sql.OutboxRelay;
import org.ridemarket.service.sql.PromiseJournal;
import org.ridemarket.service.sql.PromiseJournals;

/**
 * Writes each decision and its FraudDecided event (keyed by transaction id) to PostgreSQL in one
 * statement before it is returned ({@link PromiseJournal}, docs/adr/0011), with group commit under load
 * (docs/adr/0005); the outbox relay publishes the event to {@code fraud.decisions}. The insert is {@code ON CONFLICT (transaction_id) DO
 * NOTHING}: the first decision of a transaction id wins, and the caller learns whether its row is the
 * one recorded (docs/adr/0009). A decision's Uni completes only after the statement is committed.
 */
// Made at start-up, so that the first request does not pay for the journal, its relay and warm connections.
@Startup
@ApplicationScoped
public class DecisionJournal {

  static final String INSERT = "insert into fraud_decision (transaction_id, payload_sha256, card_fingerprint,"
      + " user_id, device_id, amount_minor, currency, lat, lon, merchant_id, trip_id, event_time, decision, score,"
      + " reasons, features, model_version, degraded, decided_at, review_state)"
      + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)"
      + " on conflict (transaction_id) do nothing";

  private final PromiseJournal<PaymentDecision> journal;

  @Inject
  DecisionJournal(PromiseJournals journals, DecisionMapper mapper) {
    this.journal = journals.journal(INSERT, 20, DecisionJournal::tuple, event(mapper));
  }

  /** A journal with its own relay and bounds, for tests. */
  public DecisionJournal(Pool pool, OutboxRelay relay, DecisionMapper mapper, ServingConfig.Journal bounds) {
    this.journal = new PromiseJournal<>(pool, INSERT, 20, DecisionJournal::tuple, event(mapper), bounds, relay,
        "serving.journal");
  }

  // The contract's single-object encoding, made once with the decision, so the event is exactly what was recorded.
  private static Function<PaymentDecision, PromiseJournal.Event> event(DecisionMapper mapper) {
    AvroSerde<FraudDecided> serde = new AvroSerde<>(FraudDecided.class);
    String topic = Topics.FRAUD_DECISIONS.name();
    return decision -> new PromiseJournal.Event(topic, decision.getTransactionId(), serde.serialize(topic, mapper.toEvent(decision)));
  }

  /**
   * Records a new decision and its event unless its transaction id is already recorded.
   *
   * @return a Uni of true when this decision's row was inserted, false when a row with its transaction
   *     id already existed (nothing was written); it fails with {@link
   *     org.ridemarket.service.sql.NotRecordedException} when nothing was committed within the deadline
   */
  @WithSpan("DecisionJournal.record")
  public Uni<Boolean> record(PaymentDecision decision, Deadline deadline) {
    return journal.record(decision, deadline);
  }

  /** Writes the decision's row and event as {@link #record} would, in a transaction rolled back (the warm-up). */
  public Uni<Void> rehearse(PaymentDecision decision, Deadline deadline) {
    return journal.rehearse(decision, deadline);
  }

  /** Writes sent so far (a batch or a retried single decision each); for tests. */
  public int writes() {
    return journal.writes();
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
