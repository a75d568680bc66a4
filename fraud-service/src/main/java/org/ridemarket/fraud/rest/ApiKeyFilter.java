package org.ridemarket.fraud.rest;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.ridemarket.service.rest.ErrorResponse;

/**
 * Lets a request reach the API only with a known key, in {@value #HEADER} or as
 * {@code Authorization: Bearer <key>}: 401 without one, 403 when the key's role may not use the path
 * (the review queue takes analyst keys, scoring takes gateway keys). It runs before the body is read,
 * so an unauthenticated body is never parsed. The management endpoints under {@code /q} are not
 * JAX-RS resources and stay open.
 */
public class ApiKeyFilter {

  /** The API key header. */
  public static final String HEADER = "X-Api-Key";
  /** The OpenAPI security scheme's name. */
  public static final String SCHEME = "apiKey";

  private static final String BEARER = "Bearer ";

  private final ApiKeys keys;

  ApiKeyFilter(ApiKeys keys) {
    this.keys = keys;
  }

  @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
  public Response authenticate(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    if (path.startsWith("/admin/") || path.equals("/serving/noop")) {
      // The serving core's endpoints: model admin has its own key (X-Admin-Key), the empty endpoint none.
      return null;
    }
    ApiKeys.Role role = keys.roleOf(presentedKey(request));
    if (role == null) {
      return error(Response.Status.UNAUTHORIZED, "missing or unknown API key: send it in " + HEADER);
    }
    ApiKeys.Role needed = path.startsWith("/reviews") ? ApiKeys.Role.ANALYST
        : ApiKeys.Role.GATEWAY;
    if (role != needed) {
      // The path is the client's text (a review's transaction id): not repeated.
      return error(Response.Status.FORBIDDEN, needed == ApiKeys.Role.ANALYST
          ? "this API key may not use the review queue" : "this API key may not score payments");
    }
    return null;
  }

  private static String presentedKey(ContainerRequestContext request) {
    String key = request.getHeaderString(HEADER);
    if (key != null) {
      return key;
    }
    String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return authorization.substring(BEARER.length()).trim();
    }
    return null;
  }

  private static Response error(Response.Status status, String title) {
    Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON)
        .entity(new ErrorResponse(status.getStatusCode(), title, List.of()));
    if (status == Response.Status.UNAUTHORIZED) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    return response.build();
  }
}
