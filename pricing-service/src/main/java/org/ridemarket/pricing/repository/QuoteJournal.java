package org.ridemarket.pricing.repository;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
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
import org.ridemarket.pricing.Quote;
import org.ridemarket.pricing.config.PricingConfig;
import org.ridemarket.service.vertx.VertxContexts;

/**
 * Writes quotes to PostgreSQL with group commit, before they are returned: a quote is inserted at
 * once while fewer than {@code max-in-flight} writes are under way; quotes arriving meanwhile are
 * sent together, as one pipelined batch (one round trip, one implicit transaction), when a write
 * finishes. Under light load every quote is its own single-statement write; under heavy load the
 * cost of a round trip is shared by the batch, where one Hibernate transaction per quote took
 * three round trips and a session each.
 *
 * <p>A failed batch is retried one quote at a time, so one bad row fails only its own quote. A
 * quote's Uni completes only after its row is committed; it is never returned unrecorded.
 */
@ApplicationScoped
public class QuoteJournal {

  static final String INSERT = "insert into quote (id, rider_id, product, pickup_lat, pickup_lon, dropoff_lat,"
      + " dropoff_lon, pickup_cell, distance_meters, duration_seconds, surge_multiplier, surge_source,"
      + " model_version, degraded, base_fare_minor, distance_fare_minor, time_fare_minor, surge_amount_minor,"
      + " total_fare_minor, currency, created_at, expires_at)"
      + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)";

  private record Pending(Quote quote, CompletableFuture<Void> written) {
  }

  private final Pool pool;
  private final int maxBatch;
  private final int maxInFlight;
  private final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger batches = new AtomicInteger();

  @Inject
  QuoteJournal(Pool pool, PricingConfig config) {
    this(pool, config.journal().maxBatch(), config.journal().maxInFlight());
  }

  QuoteJournal(Pool pool, int maxBatch, int maxInFlight) {
    if (maxBatch < 1 || maxInFlight < 1) {
      throw new IllegalArgumentException("pricing.journal needs max-batch >= 1 and max-in-flight >= 1");
    }
    this.pool = pool;
    this.maxBatch = maxBatch;
    this.maxInFlight = maxInFlight;
  }

  /** Records a new quote; the Uni completes, on the caller's Vert.x context, once the row is committed. */
  @WithSpan("QuoteJournal.record")
  public Uni<Void> record(Quote quote) {
    Executor context = VertxContexts.current();
    CompletableFuture<Void> written = new CompletableFuture<>();
    waiting.add(new Pending(quote, written));
    drain();
    return Uni.createFrom().completionStage(written).emitOn(context);
  }

  /** Writes sent so far (a batch or a retried single quote each); for tests and metrics. */
  public int writes() {
    return batches.get();
  }

  // Starts writes while there are waiting quotes and free slots. A finishing write frees its slot
  // before it drains, and a new quote is queued before it drains, so no quote is left waiting.
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
    batches.incrementAndGet();
    insert(batch).onFailure().recoverWithUni(failure -> batch.size() == 1
            ? Uni.createFrom().failure(failure)
            : Multi.createFrom().iterable(batch).onItem().transformToUniAndConcatenate(this::insertAlone)
                .collect().last().replaceWithVoid())
        .subscribe().with(
            done -> finish(batch, null),
            failure -> finish(batch, failure));
  }

  // After a failed batch: each quote on its own, completing (or failing) only its own Uni.
  private Uni<Void> insertAlone(Pending pending) {
    batches.incrementAndGet();
    return insert(List.of(pending))
        .invoke(() -> pending.written().complete(null))
        .onFailure().invoke(failure -> pending.written().completeExceptionally(failure))
        .onFailure().recoverWithNull();
  }

  private Uni<Void> insert(List<Pending> batch) {
    if (batch.size() == 1) {
      return pool.preparedQuery(INSERT).execute(tuple(batch.get(0).quote())).replaceWithVoid();
    }
    return pool.preparedQuery(INSERT).executeBatch(batch.stream().map(pending -> tuple(pending.quote())).toList())
        .replaceWithVoid();
  }

  private void finish(List<Pending> batch, Throwable failure) {
    for (Pending pending : batch) {
      if (failure == null) {
        pending.written().complete(null);
      } else {
        pending.written().completeExceptionally(failure);
      }
    }
    inFlight.decrementAndGet();
    drain();
  }

  static Tuple tuple(Quote quote) {
    return Tuple.from(List.of(quote.getId(), quote.getRiderId(), quote.getProduct().name(),
        quote.getPickup().lat(), quote.getPickup().lon(), quote.getDropoff().lat(), quote.getDropoff().lon(),
        quote.getPickupCell(), quote.getTrip().distanceMeters(), quote.getTrip().durationSeconds(),
        quote.getSurge().multiplier(), quote.getSurge().source().name()))
        .addValue(quote.getSurge().modelVersion())
        .addBoolean(quote.getSurge().degraded())
        .addLong(quote.getFare().baseMinor()).addLong(quote.getFare().distanceMinor())
        .addLong(quote.getFare().timeMinor()).addLong(quote.getFare().surgeMinor())
        .addLong(quote.getFare().totalMinor()).addString(quote.getFare().currency())
        .addOffsetDateTime(quote.getCreatedAt().atOffset(ZoneOffset.UTC))
        .addOffsetDateTime(quote.getExpiresAt().atOffset(ZoneOffset.UTC));
  }
}
