package org.ridemarket.fraud.rest;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import org.ridemarket.service.deadline.Deadlines;
import org.ridemarket.service.rest.ServiceUnavailableException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ridemarket.contracts.events.FraudLabel;
import org.ridemarket.contracts.events.FraudPattern;
import org.ridemarket.fraud.ReviewState;
import org.ridemarket.fraud.mapping.DecisionMapper;
import org.ridemarket.fraud.service.ReviewService;
import org.ridemarket.service.rest.ErrorResponse;
import org.ridemarket.service.rest.InvalidRequestException;

/** The analysts' review queue: REVIEW decisions, oldest first; take one, label it FRAUD or LEGIT. */
@Path("/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "reviews")
// Declared here, on a JAX-RS resource the scanner always reads; ScoreRoute requires it too.
@SecurityScheme(securitySchemeName = ApiKeyFilter.SCHEME, type = SecuritySchemeType.APIKEY,
    apiKeyName = ApiKeyFilter.HEADER, in = SecuritySchemeIn.HEADER,
    description = "A gateway key for scoring, an analyst key for the review queue")
@SecurityRequirement(name = ApiKeyFilter.SCHEME)
public class ReviewResource {

  private final ReviewService reviews;
  private final DecisionMapper mapper;

  private final Deadlines deadlines;

  ReviewResource(ReviewService reviews, DecisionMapper mapper, Deadlines deadlines) {
    this.deadlines = deadlines;
    this.reviews = reviews;
    this.mapper = mapper;
  }

  /** Lists reviews in a state, oldest decision first. */
  @GET
  @Operation(summary = "List reviews", description = "REVIEW decisions in a state (OPEN by default), oldest first.")
  @APIResponse(responseCode = "200", description = "The reviews")
  @APIResponse(responseCode = "403", description = "Not an analyst key",
      content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
  public Uni<List<ReviewView>> list(
      @QueryParam("state") @DefaultValue("OPEN")
      @Pattern(regexp = "OPEN|TAKEN|LABELED", message = "must be OPEN, TAKEN or LABELED") String state,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
    return within("review", reviews.list(ReviewState.valueOf(state), limit))
        .map(found -> found.stream().map(mapper::toReview).toList());
  }

  /** Assigns a review to an analyst. */
  @POST
  @Path("/{transactionId}/take")
  @Operation(summary = "Take a review", description = "Assigns an open review; 409 if another analyst has it. "
      + "Taking it again as the same analyst is a no-op.")
  @APIResponse(responseCode = "200", description = "The review, taken",
      content = @Content(schema = @Schema(implementation = ReviewView.class)))
  @APIResponse(responseCode = "404", description = "No review for this transaction")
  @APIResponse(responseCode = "409", description = "Taken by another analyst, or already labelled")
  public Uni<ReviewView> take(@PathParam("transactionId") String transactionId,
      @NotNull(message = "a JSON body is required") @Valid TakeRequest body) {
    return within("review", reviews.take(transactionId, body.analyst())).map(mapper::toReview);
  }

  /** Labels a review and publishes the label to fraud.labels. */
  @POST
  @Path("/{transactionId}/label")
  @Operation(summary = "Label a review", description = "Closes the review with FRAUD (and the pattern, when known) "
      + "or LEGIT, and publishes FraudLabeled (source ANALYST_REVIEW) to fraud.labels before answering.")
  @APIResponse(responseCode = "200", description = "The review, labelled",
      content = @Content(schema = @Schema(implementation = ReviewView.class)))
  @APIResponse(responseCode = "404", description = "No review for this transaction")
  @APIResponse(responseCode = "409", description = "Taken by another analyst, or already labelled otherwise")
  @APIResponse(responseCode = "503", description = "Labelled, but Kafka did not take the event; retry the same label")
  public Uni<ReviewView> label(@PathParam("transactionId") String transactionId,
      @NotNull(message = "a JSON body is required") @Valid LabelRequest body) {
    FraudLabel label = FraudLabel.valueOf(body.label());
    FraudPattern pattern;
    if (label == FraudLabel.LEGIT) {
      if (body.pattern() != null) {
        throw new InvalidRequestException("pattern", "must be absent for a LEGIT label");
      }
      pattern = FraudPattern.NONE;
    } else {
      pattern = body.pattern() == null ? FraudPattern.UNKNOWN : FraudPattern.valueOf(body.pattern());
    }
    return within("review-label", reviews.label(transactionId, body.analyst(), label, pattern)).map(mapper::toReview);
  }

  // An analyst's call waits no longer than its budget, whatever PostgreSQL or Kafka is doing.
  private <T> Uni<T> within(String endpoint, Uni<T> call) {
    return deadlines.start(endpoint).bound(call, () -> new ServiceUnavailableException(
        "the review queue did not answer in time; retry", Duration.ofSeconds(1)));
  }
}
