package org.ridemarket.eta.rest;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.ridemarket.eta.Eta;
import org.ridemarket.eta.mapping.EtaMapper;
import org.ridemarket.eta.service.EtaService;
import org.ridemarket.eta.service.RequestLimits;
import org.ridemarket.service.rest.route.DecisionRoutes;
import org.ridemarket.service.warmup.WarmupStep;

/**
 * An ETA's own CPU work, rehearsed before readiness (ADR 0031): the request's JSON and checks, routing
 * across Midtown, the model's row, the event and the answer's JSON. Nothing is published or remembered; the
 * core rehearses the Redis read and the three models.
 */
@ApplicationScoped
class EtaRehearsal implements WarmupStep {

  // A few Midtown trips, so that routing explores more than one path.
  private static final List<byte[]> BODIES = List.of(
      body(40.7580, -73.9855, 40.7484, -73.9857), body(40.7527, -73.9772, 40.7614, -73.9776),
      body(40.7505, -73.9934, 40.7644, -73.9735), body(40.7549, -73.9840, 40.7411, -73.9897));

  private final DecisionRoutes routes;
  private final EtaService etas;
  private final RequestLimits limits;
  private final EtaMapper mapper;

  EtaRehearsal(DecisionRoutes routes, EtaService etas, RequestLimits limits, EtaMapper mapper) {
    this.routes = routes;
    this.etas = etas;
    this.limits = limits;
    this.mapper = mapper;
  }

  @Override
  public String name() {
    return "eta";
  }

  @Override
  public CompletionStage<?> rehearse(int round) throws IOException {
    Instant now = Instant.now();
    Eta eta = etas.rehearse(limits.check(mapper.toRequest(routes.rehearseRequest(BODIES.get(round % BODIES.size()),
        EtaRequestBody.class), now), now));
    mapper.toEvent(eta);
    return CompletableFuture.completedFuture(routes.rehearseAnswer(mapper.toResponse(eta)));
  }

  private static byte[] body(double fromLat, double fromLon, double toLat, double toLon) {
    return ("{\"origin\":{\"lat\":" + fromLat + ",\"lon\":" + fromLon + "},\"destination\":{\"lat\":" + toLat
        + ",\"lon\":" + toLon + "}}").getBytes(StandardCharsets.UTF_8);
  }
}
