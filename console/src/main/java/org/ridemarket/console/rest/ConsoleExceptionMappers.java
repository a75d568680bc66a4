package org.ridemarket.console.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The console's one mapping of refused input to HTTP: 400 with the field and the reason. */
public class ConsoleExceptionMappers {

  @ServerExceptionMapper
  public Response invalid(InvalidInput e) {
    return Response.status(400).type(MediaType.APPLICATION_JSON)
        .entity(ErrorBody.of(400, "invalid request", e.field(), e.getMessage())).build();
  }
}
