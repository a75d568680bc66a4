package org.ridemarket.pricing.rest;

import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ridemarket.pricing.BoundingBox;
import org.ridemarket.pricing.SurgeDecision;
import org.ridemarket.pricing.config.PricingConfig;
import org.ridemarket.pricing.service.SurgeService;
import org.ridemarket.service.deadline.Deadlines;
import org.ridemarket.service.rest.ErrorResponse;

/** The surge map: current multipliers of the cells in a bounding box, for maps and operations. */
@Path("/surge")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "surge")
public class SurgeResource {

  private final SurgeService surge;
  private final int maxCells;
  private final Deadlines deadlines;

  SurgeResource(SurgeService surge, PricingConfig config, Deadlines deadlines) {
    this.surge = surge;
    this.deadlines = deadlines;
    this.maxCells = config.surgeMap().maxCells();
  }

  /** The multiplier of every H3 cell in the box. */
  @GET
  @Operation(summary = "Surge map", description = "Current multiplier of each H3 resolution-8 cell in the box; "
      + "a box covering more cells than allowed (400 by default, about 300 km²) is refused.")
  @APIResponse(responseCode = "200", description = "The cells and their multipliers",
      content = @Content(schema = @Schema(implementation = SurgeMapResponse.class)))
  @APIResponse(responseCode = "400", description = "Missing or invalid bounds, or a box too large",
      content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
  public Uni<SurgeMapResponse> map(
      @QueryParam("minLat") @NotNull @DecimalMin("-90.0") @DecimalMax("90.0") Double minLat,
      @QueryParam("minLon") @NotNull @DecimalMin("-180.0") @DecimalMax("180.0") Double minLon,
      @QueryParam("maxLat") @NotNull @DecimalMin("-90.0") @DecimalMax("90.0") Double maxLat,
      @QueryParam("maxLon") @NotNull @DecimalMin("-180.0") @DecimalMax("180.0") Double maxLon) {
    List<String> cells = new BoundingBox(minLat, minLon, maxLat, maxLon).cells(maxCells);
    return surge.forCells(cells, deadlines.start("surge-map")).map(decisions -> toResponse(cells, decisions));
  }

  private static SurgeMapResponse toResponse(List<String> cells, Map<String, SurgeDecision> decisions) {
    List<CellSurge> map = cells.stream().map(cell -> {
      SurgeDecision decision = decisions.get(cell);
      return new CellSurge(cell, decision.multiplier(), decision.source().name());
    }).toList();
    boolean degraded = decisions.values().stream().anyMatch(SurgeDecision::degraded);
    String modelVersion = decisions.values().stream().map(SurgeDecision::modelVersion)
        .filter(Objects::nonNull).findFirst().orElse(null);
    return new SurgeMapResponse(map, degraded, modelVersion, Instant.now());
  }
}
