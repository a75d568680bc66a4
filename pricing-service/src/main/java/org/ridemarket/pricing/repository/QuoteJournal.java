package org.ridemarket.pricing.repository;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.util.List;
import org.ridemarket.pricing.Quote;
import org.ridemarket.pricing.config.PricingConfig;
import org.ridemarket.service.sql.GroupCommit;

/**
 * Writes quotes to PostgreSQL with group commit ({@link GroupCommit}, docs/adr/0005), before they are
 * returned: where one Hibernate transaction per quote took three round trips and a session each, a
 * quote is one statement, alone under light load, in a pipelined batch under heavy load. A quote's Uni
 * completes only after its row is committed; it is never returned unrecorded, and a failed batch is
 * retried quote by quote, so one bad row fails only its own quote.
 */
@ApplicationScoped
public class QuoteJournal {

  static final String INSERT = "insert into quote (id, rider_id, product, pickup_lat, pickup_lon, dropoff_lat,"
      + " dropoff_lon, pickup_cell, distance_meters, duration_seconds, surge_multiplier, surge_source,"
      + " model_version, degraded, base_fare_minor, distance_fare_minor, time_fare_minor, surge_amount_minor,"
      + " total_fare_minor, currency, created_at, expires_at)"
      + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)";

  private final GroupCommit<Quote> commits;

  @Inject
  QuoteJournal(Pool pool, PricingConfig config) {
    this(pool, config.journal().maxBatch(), config.journal().maxInFlight());
  }

  QuoteJournal(Pool pool, int maxBatch, int maxInFlight) {
    this.commits = new GroupCommit<>(pool, INSERT, QuoteJournal::tuple, maxBatch, maxInFlight, "pricing.journal");
  }

  /** Records a new quote; the Uni completes, on the caller's Vert.x context, once the row is committed. */
  @WithSpan("QuoteJournal.record")
  public Uni<Void> record(Quote quote) {
    return commits.record(quote).replaceWithVoid();
  }

  /** Writes sent so far (a batch or a retried single quote each); for tests and metrics. */
  public int writes() {
    return commits.writes();
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
