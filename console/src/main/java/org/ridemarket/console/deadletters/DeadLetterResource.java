package org.ridemarket.console.deadletters;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Dead letters per reason with their latest examples (never the rejected record's content). */
@Path("/api/dead-letters")
public class DeadLetterResource {

  private final DeadLetterSummary summary;

  public DeadLetterResource(DeadLetterSummary summary) {
    this.summary = summary;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public List<DeadLetterSummary.DeadLetterReason> reasons() {
    return summary.reasons();
  }
}
