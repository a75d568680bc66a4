package org.ridemarket.pricing.repository;

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
import org.ridemarket.contracts.events.PriceQuoted;
import org.ridemarket.contracts.serde.AvroSerde;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.pricing.Quote;
import org.ridemarket.pricing.mapping.QuoteMapper;
import org.ridemarket.service.config.ServingConfig;
import org.ridemarket.service.deadline.Deadline;
import org.ridemarket.service.sql.OutboxRelay;
import org.ridemarket.service.sql.PromiseJournal;
import org.ridemarket.service.sql.PromiseJournals;

/**
 * Writes each quote and its {@link PriceQuoted} event to PostgreSQL in one statement before the quote
 * is returned ({@link PromiseJournal}, docs/adr/0011), with group commit under load (docs/adr/0005);
 * the outbox relay publishes the event to {@code pricing.quotes}, keyed by the pickup cell.
 */
// Made at start-up, so that the first request does not pay for the journal, its relay and warm connections.
@Startup
@ApplicationScoped
public class QuoteJournal {

  static final String INSERT = "insert into quote (id, rider_id, product, pickup_lat, pickup_lon, dropoff_lat,"
      + " dropoff_lon, pickup_cell, distance_meters, duration_seconds, surge_multiplier, surge_source,"
      + " model_version, degraded, base_fare_minor, distance_fare_minor, time_fare_minor, surge_amount_minor,"
      + " total_fare_minor, currency, created_at, expires_at)"
      + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)";

  private final PromiseJournal<Quote> journal;

  @Inject
  QuoteJournal(PromiseJournals journals, QuoteMapper mapper) {
    this.journal = journals.journal(INSERT, 22, QuoteJournal::tuple, event(mapper));
  }

  /** A journal with its own relay and bounds, for tests. */
  public QuoteJournal(Pool pool, OutboxRelay relay, QuoteMapper mapper, ServingConfig.Journal bounds) {
    this.journal = new PromiseJournal<>(pool, INSERT, 22, QuoteJournal::tuple, event(mapper), bounds, relay,
        "serving.journal");
  }

  // The contract's single-object encoding, made once with the quote, so the event is exactly what was recorded.
  private static Function<Quote, PromiseJournal.Event> event(QuoteMapper mapper) {
    AvroSerde<PriceQuoted> serde = new AvroSerde<>(PriceQuoted.class);
    String topic = Topics.PRICE_QUOTES.name();
    return quote -> new PromiseJournal.Event(topic, quote.getPickupCell(), serde.serialize(topic, mapper.toEvent(quote)));
  }

  /**
   * Records a new quote and its event; the Uni completes once both are committed.
   *
   * @return a Uni that fails with {@link org.ridemarket.service.sql.NotRecordedException} when they were not
   *     committed within the deadline (the quote must then not be given)
   */
  @WithSpan("QuoteJournal.record")
  public Uni<Void> record(Quote quote, Deadline deadline) {
    return journal.record(quote, deadline).replaceWithVoid();
  }

  /** Writes the quote's row and event as {@link #record} would, in a transaction rolled back (the warm-up). */
  public Uni<Void> rehearse(Quote quote, Deadline deadline) {
    return journal.rehearse(quote, deadline);
  }

  /** Writes sent so far (a batch or a retried single quote each); for tests and metrics. */
  public int writes() {
    return journal.writes();
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
