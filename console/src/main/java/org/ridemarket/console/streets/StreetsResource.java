package org.ridemarket.console.streets;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The base map's streets as GeoJSON, built once at start-up; a call before then waits for it. */
@Path("/api/streets")
public class StreetsResource {

  private final BaseMap baseMap;

  public StreetsResource(BaseMap baseMap) {
    this.baseMap = baseMap;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<String> streets() {
    return Uni.createFrom().completionStage(baseMap::geoJson);
  }
}
