package org.ridemarket.fraud.rest;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.ridemarket.service.rest.ErrorResponse;
import org.ridemarket.service.rest.RequestRefusedException;

/**
 * Lets a request reach the API only with a known key, in {@value #HEADER} or as
 * {@code Authorization: Bearer <key>}: 401 without one, 403 when the key's role may not use the path
 * (the review queue takes analyst keys, scoring takes gateway keys). It runs before the body is read,
 * so an unauthenticated body is never parsed: as a JAX-RS filter for the resources, and called by
 * {@link ScoreRoute} for scoring. The management endpoints under {@code /q} stay open.
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
    AccessRefusedException refused = refusal(request.getUriInfo().getPath(), request.getHeaderString(HEADER),
        request.getHeaderString(HttpHeaders.AUTHORIZATION));
    if (refused == null) {
      return null;
    }
    Response.ResponseBuilder response = Response.status(refused.status()).type(MediaType.APPLICATION_JSON)
        .entity(new ErrorResponse(refused.status(), refused.title(), List.of()));
    if (refused.status() == 401) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    return response.build();
  }

  /**
   * Why a request for {@code path} with these headers is refused, or null when it may go on.
   *
   * @param apiKey the {@value #HEADER} header, or null
   * @param authorization the {@code Authorization} header, or null
   */
  public AccessRefusedException refusal(String path, String apiKey, String authorization) {
    if (path.startsWith("/admin/") || path.equals("/serving/noop")) {
      // The serving core's endpoints: model admin has its own key (X-Admin-Key), the empty endpoint none.
      return null;
    }
    ApiKeys.Role role = keys.roleOf(presentedKey(apiKey, authorization));
    if (role == null) {
      return new AccessRefusedException(401, "missing or unknown API key: send it in " + HEADER);
    }
    ApiKeys.Role needed = path.startsWith("/reviews") ? ApiKeys.Role.ANALYST : ApiKeys.Role.GATEWAY;
    if (role != needed) {
      // The path is the client's text (a review's transaction id): not repeated.
      return new AccessRefusedException(403, needed == ApiKeys.Role.ANALYST
          ? "this API key may not use the review queue" : "this API key may not score payments");
    }
    return null;
  }

  private static String presentedKey(String apiKey, String authorization) {
    if (apiKey != null) {
      return apiKey;
    }
    if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return authorization.substring(BEARER.length()).trim();
    }
    return null;
  }

  /** A request without a usable key: 401 (none, or unknown) or 403 (the key's role may not use the path). */
  public static final class AccessRefusedException extends RequestRefusedException {

    AccessRefusedException(int status, String title) {
      super(status, title, List.of(), null, null);
    }
  }
}
