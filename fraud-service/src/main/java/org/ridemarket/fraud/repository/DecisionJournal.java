package org.ridemarket.fraud.repository;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.ridemarket.fraud.PaymentDecision;
import org.ridemarket.fraud.config.FraudConfig;
import org.ridemarket.service.vertx.VertxContexts;

/**
 * Writes decisions to PostgreSQL with group commit, before they are returned, the way the pricing
 * service's QuoteJournal writes quotes (docs/adr/0005): one statement at once while fewer than
 * {@code max-in-flight} writes are under way, and decisions arriving meanwhile together in one pipelined
 * batch. The insert is {@code ON CONFLICT (transaction_id) DO NOTHING}: the first decision of a
 * transaction id wins, and the caller learns whether its row is the one recorded (docs/adr/0009).
 *
 * <p>A failed batch is retried one decision at a time, so one bad row fails only its own decision. A
 * decision's Uni completes only after the statement is committed.
 */
@ApplicationScoped
public class DecisionJournal {

  static final String INSERT = "insert into fraud_decision (transaction_id, payload_sha256, card_fingerprint,"
      + " user_id, device_id, amount_minor, currency, lat, lon, merchant_id, trip_id, event_time, decision, score,"
      + " reasons, features, model_version, degraded, decided_at, review_state)"
      + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)"
      + " on conflict (transaction_id) do nothing";

  private record Pending(PaymentDecision decision, CompletableFuture<Boolean> written) {
  }

  private final Pool pool;
  private final int maxBatch;
  private final int maxInFlight;
  private final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger writes = new AtomicInteger();

  @Inject
  DecisionJournal(Pool pool, FraudConfig config) {
    this(pool, config.journal().maxBatch(), config.journal().maxInFlight());
  }

  DecisionJournal(Pool pool, int maxBatch, int maxInFlight) {
    if (maxBatch < 1 || maxInFlight < 1) {
      throw new IllegalArgumentException("fraud.journal needs max-batch >= 1 and max-in-flight >= 1");
    }
    this.pool = pool;
    this.maxBatch = maxBatch;
    this.maxInFlight = maxInFlight;
  }

  /**
   * Records a new decision unless its transaction id is already recorded.
   *
   * @return a Uni of true when this decision's row was inserted, false when a row with its transaction
   *     id already existed (nothing was written); it completes on the caller's Vert.x context
   */
  @WithSpan("DecisionJournal.record")
  public Uni<Boolean> record(PaymentDecision decision) {
    Executor context = VertxContexts.current();
    CompletableFuture<Boolean> written = new CompletableFuture<>();
    waiting.add(new Pending(decision, written));
    drain();
    return Uni.createFrom().completionStage(written).emitOn(context);
  }

  /** Writes sent so far (a batch or a retried single decision each); for tests. */
  public int writes() {
    return writes.get();
  }

  // Starts writes while there are waiting decisions and free slots. A finishing write frees its slot
  // before it drains, and a new decision is queued before it drains, so none is left waiting.
  private void drain() {
    while (!waiting.isEmpty()) {
      int current = inFlight.get();
      if (current >= maxInFlight) {
        return;
      }
      if (!inFlight.compareAndSet(current, current + 1)) {
        continue;
      }
      List<Pending> batch = new ArrayList<>();
      Pending next;
      while (batch.size() < maxBatch && (next = waiting.poll()) != null) {
        batch.add(next);
      }
      if (batch.isEmpty()) {
        inFlight.decrementAndGet();
        continue;
      }
      write(batch);
    }
  }

  private void write(List<Pending> batch) {
    writes.incrementAndGet();
    insert(batch)
        .invoke(inserted -> {
          for (int i = 0; i < batch.size(); i++) {
            batch.get(i).written().complete(inserted.get(i));
          }
        })
        .replaceWithVoid()
        .onFailure().recoverWithUni(failure -> batch.size() == 1
            ? Uni.createFrom().failure(failure)
            : Multi.createFrom().iterable(batch).onItem().transformToUniAndConcatenate(this::insertAlone)
                .collect().last().replaceWithVoid())
        .subscribe().with(
            done -> finish(batch, null),
            failure -> finish(batch, failure));
  }

  // After a failed batch: each decision on its own, completing (or failing) only its own Uni.
  private Uni<Void> insertAlone(Pending pending) {
    writes.incrementAndGet();
    return insert(List.of(pending))
        .invoke(inserted -> pending.written().complete(inserted.get(0)))
        .onFailure().invoke(failure -> pending.written().completeExceptionally(failure))
        .onFailure().recoverWithNull()
        .replaceWithVoid();
  }

  // One row count per statement, in order: 1 inserted, 0 already recorded.
  private Uni<List<Boolean>> insert(List<Pending> batch) {
    Uni<RowSet<Row>> result = batch.size() == 1
        ? pool.preparedQuery(INSERT).execute(tuple(batch.get(0).decision()))
        : pool.preparedQuery(INSERT).executeBatch(batch.stream().map(pending -> tuple(pending.decision())).toList());
    return result.map(rows -> {
      List<Boolean> inserted = new ArrayList<>(batch.size());
      for (RowSet<Row> statement = rows; statement != null; statement = statement.next()) {
        inserted.add(statement.rowCount() > 0);
      }
      if (inserted.size() != batch.size()) {
        throw new IllegalStateException("expected " + batch.size() + " row counts, got " + inserted.size());
      }
      return inserted;
    });
  }

  // Completes whatever a retry did not already complete (completing twice is a no-op).
  private void finish(List<Pending> batch, Throwable failure) {
    for (Pending pending : batch) {
      if (failure != null) {
        pending.written().completeExceptionally(failure);
      } else if (!pending.written().isDone()) {
        pending.written().completeExceptionally(new IllegalStateException("decision left unwritten"));
      }
    }
    inFlight.decrementAndGet();
    drain();
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
