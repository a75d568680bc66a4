package org.ridemarket.pricing.service;

import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.ridemarket.contracts.geo.Cells;
import org.ridemarket.pricing.Fare;
import org.ridemarket.pricing.Quote;
import org.ridemarket.pricing.QuoteNotRecordedException;
import org.ridemarket.pricing.SurgeDecision;
import org.ridemarket.pricing.Trip;
import org.ridemarket.pricing.TripRequest;
import org.ridemarket.pricing.config.PricingConfig;
import org.ridemarket.pricing.repository.QuoteJournal;
import org.ridemarket.pricing.repository.QuoteRepository;

/**
 * Gives upfront quotes: surge for the pickup cell, fare, then the quote is recorded in PostgreSQL
 * before it is returned, and its event is sent to Kafka without waiting.
 */
@ApplicationScoped
public class QuoteService {

  private final SurgeService surge;
  private final FareCalculator fares;
  private final QuoteRepository quotes;
  private final QuoteJournal journal;
  private final QuoteEvents events;
  private final PricingMetrics metrics;
  private final Duration ttl;

  QuoteService(SurgeService surge, FareCalculator fares, QuoteRepository quotes, QuoteJournal journal,
      QuoteEvents events, PricingMetrics metrics, PricingConfig config) {
    this.surge = surge;
    this.fares = fares;
    this.quotes = quotes;
    this.journal = journal;
    this.events = events;
    this.metrics = metrics;
    this.ttl = config.quoteTtl();
  }

  /**
   * A new, recorded quote.
   *
   * @return a Uni that fails with {@link org.ridemarket.service.rest.InvalidRequestException} for a trip
   *     that cannot be quoted and with {@link QuoteNotRecordedException} when PostgreSQL cannot
   *     record it; Redis and model failures only make the quote degraded
   */
  @WithSpan("QuoteService.quote")
  public Uni<Quote> quote(TripRequest request) {
    long started = System.nanoTime();
    String cell = Cells.cellOf(request.pickup().lat(), request.pickup().lon());
    return Uni.createFrom().item(() -> fares.route(request.pickup(), request.dropoff()))
        .chain(trip -> surge.forCell(cell).map(decision -> newQuote(request, cell, trip, decision)))
        .call(quote -> journal.record(quote).onFailure().transform(QuoteNotRecordedException::new))
        .invoke(events::publish)
        .invoke(quote -> metrics.quoteAnswered(System.nanoTime() - started, quote.getSurge().degraded()));
  }

  /** The quote with this id, or null. */
  @WithSpan("QuoteService.find")
  public Uni<Quote> find(@SpanAttribute("quote.id") UUID id) {
    return quotes.find(id);
  }

  private Quote newQuote(TripRequest request, String cell, Trip trip, SurgeDecision decision) {
    Fare fare = fares.fare(request.product(), trip, decision.multiplier());
    Instant now = Instant.now();
    return new Quote(UUID.randomUUID(), request.riderId(), request.product(), request.pickup(), request.dropoff(),
        cell, trip, decision, fare, now, now.plus(ttl));
  }
}
