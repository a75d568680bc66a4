package org.ridemarket.service.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.ridemarket.service.rest.json.JsonPaths;

/**
 * Screens the path and query parameters of every request before a resource sees them, as the body's
 * strings are screened: a card number (as a review's transaction id, say), a control character or an
 * over-long value is refused with a 400 naming the parameter, never repeating it. Runs after
 * authentication, so an unauthenticated caller learns nothing from it.
 */
public class ParameterScreen {

  private final InputScreen screen;

  ParameterScreen(InputScreen screen) {
    this.screen = screen;
  }

  @ServerRequestFilter
  public Response screen(ContainerRequestContext request) {
    try {
      check(request.getUriInfo().getPathParameters());
      check(request.getUriInfo().getQueryParameters());
      return null;
    } catch (RequestRefusedException e) {
      return RequestErrorMapper.response(e);
    }
  }

  private void check(MultivaluedMap<String, String> parameters) {
    for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
      // A query parameter's name is the client's too: named as "query" when it cannot be named safely.
      String name = JsonPaths.safeName(parameter.getKey());
      String field = "*".equals(name) ? "query" : name;
      screen.check(field, parameter.getKey());
      for (String value : parameter.getValue()) {
        screen.check(field, value);
      }
    }
  }
}
