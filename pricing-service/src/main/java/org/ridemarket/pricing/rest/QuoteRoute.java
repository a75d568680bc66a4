package org.ridemarket.pricing.rest;

import io.quarkus.vertx.web.Body;
import io.quarkus.vertx.web.Route;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ridemarket.pricing.mapping.QuoteMapper;
import org.ridemarket.pricing.service.QuoteService;
import org.ridemarket.service.deadline.Deadlines;
import org.ridemarket.service.rest.ErrorResponse;
import org.ridemarket.service.rest.route.Answer;
import org.ridemarket.service.rest.route.DecisionRoutes;

/** Gives upfront quotes: the decision endpoint, a Vert.x route on the serving core's edge (docs/adr/0017). */
@Tag(name = "quotes")
public class QuoteRoute {

  private final DecisionRoutes routes;
  private final QuoteService quotes;
  private final QuoteMapper mapper;
  private final Deadlines deadlines;

  QuoteRoute(DecisionRoutes routes, QuoteService quotes, QuoteMapper mapper, Deadlines deadlines) {
    this.routes = routes;
    this.quotes = quotes;
    this.mapper = mapper;
    this.deadlines = deadlines;
  }

  /** Gives and records a quote. */
  @Route(path = "/quotes", methods = Route.HttpMethod.POST, produces = "application/json")
  @Operation(summary = "Quote a ride", description = "Surge for the pickup cell and an upfront fare, recorded before "
      + "it is returned. When Redis or the model fails the quote is still given, with degraded=true.")
  @RequestBody(required = true, content = @Content(mediaType = "application/json",
      schema = @Schema(implementation = QuoteRequest.class)))
  @APIResponse(responseCode = "201", description = "The quote", content = @Content(mediaType = "application/json",
      schema = @Schema(implementation = QuoteResponse.class)))
  @APIResponse(responseCode = "400", description = "Invalid request; errors name the fields",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorResponse.class)))
  @APIResponse(responseCode = "503", description = "The quote could not be recorded within the deadline; nothing "
      + "was promised; retry after the Retry-After header's seconds",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorResponse.class)))
  void create(RoutingContext request, @Body Buffer body) {
    routes.answer(request, body, QuoteRequest.class, quote -> quotes.quote(mapper.toTripRequest(quote),
        deadlines.start("quote")).thenApply(given -> Answer.created(
            request.request().absoluteURI() + "/" + given.getId(), mapper.toResponse(given, Instant.now()))));
  }
}
