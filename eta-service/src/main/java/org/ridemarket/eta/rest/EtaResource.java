package org.ridemarket.eta.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ridemarket.eta.service.PredictionJoin;
import org.ridemarket.eta.service.RollingAccuracy;

/** How accurate the ETAs have been lately ({@link EtaRoute} gives them). */
@Path("/eta")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "eta")
public class EtaResource {

  private final PredictionJoin join;

  EtaResource(PredictionJoin join) {
    this.join = join;
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
