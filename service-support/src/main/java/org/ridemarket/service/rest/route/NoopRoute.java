package org.ridemarket.service.rest.route;

import io.quarkus.vertx.web.Route;
import io.vertx.ext.web.RoutingContext;

/**
 * The empty endpoint on the decisions' own edge, a Vert.x route ({@code GET /serving/noop-route}); beside
 * {@code GET /serving/noop}, a JAX-RS method, it shows what the JAX-RS layer costs per request.
 */
public class NoopRoute {

  /** 204, at once, on the event loop. */
  @Route(path = "/serving/noop-route", methods = Route.HttpMethod.GET)
  void noop(RoutingContext request) {
    request.response().setStatusCode(204).end();
  }
}
