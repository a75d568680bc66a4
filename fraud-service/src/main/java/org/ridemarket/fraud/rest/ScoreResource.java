package org.ridemarket.fraud.rest;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ridemarket.fraud.mapping.DecisionMapper;
import org.ridemarket.fraud.mapping.PaymentMapper;
import org.ridemarket.fraud.service.FraudService;
import org.ridemarket.service.deadline.Deadlines;
import org.ridemarket.service.rest.ErrorResponse;

/** Fraud scoring for the payment gateway, before it authorises a charge. */
@Path("/payments/score")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "scoring")
@SecurityScheme(securitySchemeName = ApiKeyFilter.SCHEME, type = SecuritySchemeType.APIKEY,
    apiKeyName = ApiKeyFilter.HEADER, in = SecuritySchemeIn.HEADER,
    description = "A gateway key for scoring, an analyst key for the review queue")
@SecurityRequirement(name = ApiKeyFilter.SCHEME)
public class ScoreResource {

  private final FraudService fraud;
  private final PaymentMapper payments;
  private final DecisionMapper mapper;

  private final Deadlines deadlines;

  ScoreResource(FraudService fraud, PaymentMapper payments, DecisionMapper mapper, Deadlines deadlines) {
    this.deadlines = deadlines;
    this.fraud = fraud;
    this.payments = payments;
    this.mapper = mapper;
  }

  /** Decides and records a payment, or returns the decision already recorded for its transaction id. */
  @POST
  @Operation(summary = "Score a payment", description = "ALLOW, REVIEW or BLOCK with a score and reasons, recorded "
      + "before it is returned. The transaction id is the idempotency key: the same request again gets the "
      + "identical answer, another payload under the same id a 409. When Redis or the model fails the decision is "
      + "still given, degraded=true: rules only, and never ALLOW above the fallback amount.")
  @APIResponse(responseCode = "200", description = "The decision",
      content = @Content(schema = @Schema(implementation = ScoreResponse.class)))
  @APIResponse(responseCode = "400", description = "Invalid request, or a card number in it; errors name the fields",
      content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
  @APIResponse(responseCode = "401", description = "Missing or unknown API key",
      content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
  @APIResponse(responseCode = "409", description = "The transaction id was already decided for another payload",
      content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
  @APIResponse(responseCode = "503", description = "The decision could not be recorded; nothing was decided",
      content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
  public Uni<ScoreResponse> score(@NotNull(message = "a JSON body is required") @Valid ScoreRequest body) {
    return fraud.score(payments.toPayment(body, Instant.now()), deadlines.start("score")).map(mapper::toResponse);
  }
}
