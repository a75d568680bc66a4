package org.ridemarket.eta.rest;

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
import org.ridemarket.eta.mapping.EtaMapper;
import org.ridemarket.eta.service.EtaService;
import org.ridemarket.eta.service.RequestLimits;
import org.ridemarket.service.deadline.Deadlines;
import org.ridemarket.service.rest.ErrorResponse;
import org.ridemarket.service.rest.route.Answer;
import org.ridemarket.service.rest.route.DecisionRoutes;

/** Gives ETAs with a p10-p90 range: the decision endpoint, a Vert.x route on the serving core's edge (docs/adr/0017). */
@Tag(name = "eta")
public class EtaRoute {

  private final DecisionRoutes routes;
  private final EtaService etas;
  private final RequestLimits limits;
  private final EtaMapper mapper;
  private final Deadlines deadlines;

  EtaRoute(DecisionRoutes routes, EtaService etas, RequestLimits limits, EtaMapper mapper, Deadlines deadlines) {
    this.routes = routes;
    this.etas = etas;
    this.limits = limits;
    this.mapper = mapper;
    this.deadlines = deadlines;
  }

  /** Gives an ETA. */
  @Route(path = "/eta", methods = Route.HttpMethod.POST, produces = "application/json")
  @Operation(summary = "ETA of a trip", description = "Routing baseline corrected by the ETA models from the congestion "
      + "of the cells the route crosses, with a p10-p90 range. When Redis or a model is unavailable the answer is the "
      + "baseline with a wider range, degraded=true. A POST because the answer is recorded (published, and joined "
      + "with the trip's actual duration when tripId is given).")
  @RequestBody(required = true, content = @Content(mediaType = "application/json",
      schema = @Schema(implementation = EtaRequestBody.class)))
  @APIResponse(responseCode = "200", description = "The ETA", content = @Content(mediaType = "application/json",
      schema = @Schema(implementation = EtaResponse.class)))
  @APIResponse(responseCode = "400", description = "Invalid request; errors name the fields",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorResponse.class)))
  @APIResponse(responseCode = "503", description = "Not even the routing baseline could be computed within the "
      + "deadline (the worker pool is saturated or slow); retry after the Retry-After header's seconds",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorResponse.class)))
  void estimate(RoutingContext request, @Body Buffer body) {
    routes.answer(request, body, EtaRequestBody.class, eta -> {
      Instant now = Instant.now();
      return etas.estimate(limits.check(mapper.toRequest(eta, now), now), deadlines.start("eta"))
          .map(given -> Answer.ok(mapper.toResponse(given))).subscribeAsCompletionStage();
    });
  }
}
