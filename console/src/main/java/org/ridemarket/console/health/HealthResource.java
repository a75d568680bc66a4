package org.ridemarket.console.health;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** The samples behind the health charts, per service, oldest first. */
@Path("/api/health")
public class HealthResource {

  private final HealthMonitor monitor;

  public HealthResource(HealthMonitor monitor) {
    this.monitor = monitor;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, List<ServiceSample>> history() {
    return monitor.history();
  }
}
