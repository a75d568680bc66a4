package org.ridemarket.fraud.rest;

import io.quarkus.vertx.web.Body;
import io.quarkus.vertx.web.Route;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ridemarket.fraud.mapping.DecisionMapper;
import org.ridemarket.fraud.mapping.PaymentMapper;
import org.ridemarket.fraud.service.FraudService;
import org.ridemarket.service.deadline.Deadlines;
import org.ridemarket.service.rest.ErrorResponse;
import org.ridemarket.service.rest.route.Answer;
import org.ridemarket.service.rest.route.DecisionRoutes;

/**
 * Fraud scoring for the payment gateway, before it authorises a charge: the decision endpoint, a Vert.x route
 * on the serving core's edge (docs/adr/0017), behind the same API keys as the JAX-RS resources.
 */
@Tag(name = "scoring")
public class ScoreRoute {

  private static final String PATH = "/payments/score";

  private final DecisionRoutes routes;
  private final ApiKeyFilter keys;
  private final FraudService fraud;
  private final PaymentMapper payments;
  private final DecisionMapper mapper;
  private final Deadlines deadlines;

  ScoreRoute(DecisionRoutes routes, ApiKeyFilter keys, FraudService fraud, PaymentMapper payments,
      DecisionMapper mapper, Deadlines deadlines) {
    this.routes = routes;
    this.keys = keys;
    this.fraud = fraud;
    this.payments = payments;
    this.mapper = mapper;
    this.deadlines = deadlines;
  }

  /** Decides and records a payment, or returns the decision already recorded for its transaction id. */
  @Route(path = PATH, methods = Route.HttpMethod.POST, produces = "application/json")
  @SecurityRequirement(name = ApiKeyFilter.SCHEME)
  @Operation(summary = "Score a payment", description = "ALLOW, REVIEW or BLOCK with a score and reasons, recorded "
      + "before it is returned. The transaction id is the idempotency key: the same request again gets the "
      + "identical answer, another payload under the same id a 409. When Redis or the model fails the decision is "
      + "still given, degraded=true: rules only, and never ALLOW above the fallback amount.")
  @RequestBody(required = true, content = @Content(mediaType = "application/json",
      schema = @Schema(implementation = ScoreRequest.class)))
  @APIResponse(responseCode = "200", description = "The decision", content = @Content(mediaType = "application/json",
      schema = @Schema(implementation = ScoreResponse.class)))
  @APIResponse(responseCode = "400", description = "Invalid request, or a card number in it; errors name the fields",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorResponse.class)))
  @APIResponse(responseCode = "401", description = "Missing or unknown API key",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorResponse.class)))
  @APIResponse(responseCode = "403", description = "The API key may not score payments",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorResponse.class)))
  @APIResponse(responseCode = "409", description = "The transaction id was already decided for another payload",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorResponse.class)))
  @APIResponse(responseCode = "503", description = "The decision could not be recorded; nothing was decided",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorResponse.class)))
  void score(RoutingContext request, @Body Buffer body) {
    ApiKeyFilter.AccessRefusedException refused = keys.refusal(PATH, request.request().getHeader(ApiKeyFilter.HEADER),
        request.request().getHeader(HttpHeaders.AUTHORIZATION));
    if (refused != null) {
      if (refused.status() == 401) {
        request.response().putHeader("WWW-Authenticate", "Bearer");
      }
      routes.refuse(request, refused);
      return;
    }
    routes.answer(request, body, ScoreRequest.class, payment -> fraud.score(payments.toPayment(payment, Instant.now()),
        deadlines.start("score")).map(decision -> Answer.ok(mapper.toResponse(decision))).subscribeAsCompletionStage());
  }
}
