package org.ridemarket.pricing.rest;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import org.ridemarket.pricing.Quote;
import org.ridemarket.pricing.mapping.QuoteMapper;
import org.ridemarket.pricing.repository.QuoteJournal;
import org.ridemarket.pricing.service.QuoteService;
import org.ridemarket.service.rest.route.DecisionRoutes;
import org.ridemarket.service.warmup.WarmupStep;

/**
 * The quote's own work, rehearsed before readiness (ADR 0031): the request's JSON and checks, the cell,
 * route and fare, the answer's JSON, and the journal's write of the quote and its event in a transaction
 * that is rolled back. Nothing is recorded or sent; the core rehearses the Redis read, the surge model and
 * the HTTP server.
 */
@ApplicationScoped
class QuoteRehearsal implements WarmupStep {

  private static final byte[] BODY = ("{\"riderId\":\"warm-up\",\"product\":\"STANDARD\","
      + "\"pickup\":{\"lat\":40.7580,\"lon\":-73.9855},\"dropoff\":{\"lat\":40.7484,\"lon\":-73.9857}}")
      .getBytes(StandardCharsets.UTF_8);

  private final DecisionRoutes routes;
  private final QuoteService quotes;
  private final QuoteJournal journal;
  private final QuoteMapper mapper;

  QuoteRehearsal(DecisionRoutes routes, QuoteService quotes, QuoteJournal journal, QuoteMapper mapper) {
    this.routes = routes;
    this.quotes = quotes;
    this.journal = journal;
    this.mapper = mapper;
  }

  @Override
  public String name() {
    return "quote";
  }

  @Override
  public CompletionStage<?> rehearse(int round) throws IOException {
    Quote quote = quotes.unrecorded(mapper.toTripRequest(routes.rehearseRequest(BODY, QuoteRequest.class)));
    routes.rehearseAnswer(mapper.toResponse(quote, Instant.now()));
    return WarmupStep.writeEvery(round, deadline -> journal.rehearse(quote, deadline).subscribeAsCompletionStage());
  }
}
