package org.ridemarket.service.rest;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps {@link ServiceUnavailableException} to a 503 with {@code Retry-After}, in every service. */
public class ServiceUnavailableMapper {

  @ServerExceptionMapper
  public Response unavailable(ServiceUnavailableException e) {
    long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
    return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", Long.toString(seconds))
        .entity(Map.of("status", 503, "title", e.getMessage(), "errors", List.of())).build();
  }
}
