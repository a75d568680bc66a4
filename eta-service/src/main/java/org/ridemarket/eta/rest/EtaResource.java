package org.ridemarket.eta.rest;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ridemarket.eta.mapping.EtaMapper;
import org.ridemarket.eta.service.EtaService;
import org.ridemarket.service.deadline.Deadlines;
import org.ridemarket.eta.service.PredictionJoin;
import org.ridemarket.eta.service.RequestLimits;
import org.ridemarket.eta.service.RollingAccuracy;
import org.ridemarket.service.rest.ErrorResponse;

/** ETAs with a p10-p90 range, and how accurate they have been lately. */
@Path("/eta")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "eta")
public class EtaResource {

  private final EtaService etas;
  private final RequestLimits limits;
  private final PredictionJoin join;
  private final EtaMapper mapper;

  private final Deadlines deadlines;

  EtaResource(EtaService etas, RequestLimits limits, PredictionJoin join, EtaMapper mapper, Deadlines deadlines) {
    this.deadlines = deadlines;
    this.etas = etas;
    this.limits = limits;
    this.join = join;
    this.mapper = mapper;
  }

  /** Gives an ETA. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "ETA of a trip", description = "Routing baseline corrected by the ETA models from the congestion "
      + "of the cells the route crosses, with a p10-p90 range. When Redis or a model is unavailable the answer is the "
      + "baseline with a wider range, degraded=true. A POST because the answer is recorded (published, and joined "
      + "with the trip's actual duration when tripId is given).")
  @APIResponse(responseCode = "200", description = "The ETA", content = @Content(schema = @Schema(implementation = EtaResponse.class)))
  @APIResponse(responseCode = "400", description = "Invalid request; errors name the fields",
      content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
  public Uni<EtaResponse> estimate(@NotNull(message = "a JSON body is required") @Valid EtaRequestBody body) {
    Instant now = Instant.now();
    return etas.estimate(limits.check(mapper.toRequest(body, now), now), deadlines.start("eta")).map(mapper::toResponse);
  }

  /** The rolling accuracy of this instance's joined predictions. */
  @GET
  @Path("/accuracy")
  @Operation(summary = "Rolling ETA accuracy", description = "Mean absolute error and p10-p90 coverage over this "
      + "instance's last joined predictions (ETAs asked with a tripId, joined with the trip's COMPLETED event).")
  public AccuracyResponse accuracy() {
    RollingAccuracy.Snapshot now = join.accuracy();
    return new AccuracyResponse(now.window(), now.predictions(),
        now.maeSeconds().isPresent() ? now.maeSeconds().getAsDouble() : null,
        now.coverage().isPresent() ? now.coverage().getAsDouble() : null,
        now.joinedTotal());
  }
}
