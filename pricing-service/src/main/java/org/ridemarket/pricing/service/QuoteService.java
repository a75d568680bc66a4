package org.ridemarket.pricing.service;

import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.ridemarket.contracts.geo.Cells;
import org.ridemarket.pricing.Fare;
import org.ridemarket.pricing.Quote;
import org.ridemarket.pricing.SurgeDecision;
import org.ridemarket.pricing.SurgeSource;
import org.ridemarket.pricing.Trip;
import org.ridemarket.pricing.TripRequest;
import org.ridemarket.pricing.config.PricingConfig;
import org.ridemarket.pricing.repository.QuoteJournal;
import org.ridemarket.pricing.repository.QuoteRepository;
import org.ridemarket.service.deadline.Deadline;
import org.ridemarket.service.metrics.DecisionMetrics;
import org.ridemarket.service.rest.ServiceUnavailableException;
import org.ridemarket.service.sql.NotRecordedException;
import org.ridemarket.service.vertx.VertxContexts;

/**
 * Gives upfront quotes: surge for the pickup cell, fare, then the quote and its event are recorded in
 * one PostgreSQL statement (the outbox relays the event) before the quote is returned, all within the
 * request's deadline. A quote that cannot be recorded in time is not given: 503 with Retry-After.
 */
@ApplicationScoped
public class QuoteService {

  private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  private final SurgeService surge;
  private final FareCalculator fares;
  private final QuoteRepository quotes;
  private final QuoteJournal journal;
  private final DecisionMetrics metrics;
  private final Duration ttl;

  QuoteService(SurgeService surge, FareCalculator fares, QuoteRepository quotes, QuoteJournal journal,
      DecisionMetrics metrics, PricingConfig config) {
    this.surge = surge;
    this.fares = fares;
    this.quotes = quotes;
    this.journal = journal;
    this.metrics = metrics;
    this.ttl = config.quoteTtl();
  }

  /**
   * A new, recorded quote.
   *
   * @return a stage that fails with {@link org.ridemarket.service.rest.InvalidRequestException} for a trip that
   *     cannot be quoted and with {@link ServiceUnavailableException} when PostgreSQL cannot record it
   *     within the deadline; Redis, model and pool failures only make the quote degraded
   */
  @WithSpan("QuoteService.quote")
  public CompletionStage<Quote> quote(TripRequest request, Deadline deadline) {
    long started = System.nanoTime();
    Executor context = VertxContexts.current();
    String cell = Cells.cellOf(request.pickup().lat(), request.pickup().lon());
    Trip trip = fares.route(request.pickup(), request.dropoff());
    Uni<Quote> given = surge.forCell(cell, deadline)
        .map(decision -> newQuote(request, cell, trip, decision))
        // Back on the request's context: the journal completes there, and its SQL span joins the request's trace.
        .emitOn(context)
        .call(quote -> metrics.timeRecord(() -> journal.record(quote, deadline))
            .onFailure(NotRecordedException.class).transform(failure -> {
              metrics.refused((NotRecordedException) failure);
              return new ServiceUnavailableException(
                  "the quote could not be recorded in time; nothing was promised, retry", RETRY_AFTER);
            }))
        .invoke(quote -> metrics.answered(System.nanoTime() - started, quote.getSurge().degraded()));
    // A caller that hangs up does not cancel its quote: once decided, it is recorded and published.
    return given.subscribeAsCompletionStage();
  }

  /** The quote with this id, or null. */
  @WithSpan("QuoteService.find")
  public Uni<Quote> find(@SpanAttribute("quote.id") UUID id, Deadline deadline) {
    return deadline.bound(quotes.find(id), () -> new ServiceUnavailableException(
        "the quote could not be read in time; retry", RETRY_AFTER));
  }

  /**
   * The quote {@code request} would get at no surge, computed and not recorded: the warm-up's rehearsal of a
   * quote's own CPU work (ADR 0031).
   */
  public Quote unrecorded(TripRequest request) {
    String cell = Cells.cellOf(request.pickup().lat(), request.pickup().lon());
    return newQuote(request, cell, fares.route(request.pickup(), request.dropoff()),
        new SurgeDecision(1.0, SurgeSource.DEFAULT, null));
  }

  private Quote newQuote(TripRequest request, String cell, Trip trip, SurgeDecision decision) {
    Fare fare = fares.fare(request.product(), trip, decision.multiplier());
    // Microseconds: what PostgreSQL keeps, so that GET /quotes/{id} returns the very instants the POST did.
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    return new Quote(UUID.randomUUID(), request.riderId(), request.product(), request.pickup(), request.dropoff(),
        cell, trip, decision, fare, now, now.plus(ttl));
  }
}
