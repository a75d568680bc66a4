package org.ridemarket.service.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.ridemarket.service.rest.ErrorResponse.FieldError;

/**
 * The one exception mapper of every service: each refused request becomes an {@link ErrorResponse}
 * naming the fields at fault, whether the JSON did not parse, did not bind, did not validate, carried
 * a card number, or the service refused it ({@link RequestRefusedException}). No message repeats a
 * value the client sent: a request may hold what must not be echoed. Anything else is a server bug:
 * a generic 500, logged.
 */
public class RequestErrorMapper {

  private static final Logger LOG = Logger.getLogger(RequestErrorMapper.class);

  @ServerExceptionMapper
  public Response refused(RequestRefusedException e) {
    // A 503 with a cause is an outage worth a stack trace; one without (a deadline passed) is by design.
    if (e.status() >= 500 && e.getCause() != null) {
      LOG.error(e.getMessage(), e.getCause());
    } else if (e.status() >= 500) {
      LOG.debug(e.getMessage());
    }
    return response(e);
  }

  @ServerExceptionMapper
  public Response violations(ConstraintViolationException e) {
    // Sorted and without duplicates, so that the body does not depend on the order the validator reports in.
    Set<FieldError> errors = new TreeSet<>(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
    for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
      if (isReturnValue(violation.getPropertyPath())) {
        return unexpected(e);
      }
      errors.add(new FieldError(field(violation.getPropertyPath()), violation.getMessage()));
    }
    return body(400, "invalid request", List.copyOf(errors));
  }

  @ServerExceptionMapper
  public Response parameterViolations(ResteasyReactiveViolationException e) {
    return violations(e);
  }

  @ServerExceptionMapper
  public Response unreadable(JsonProcessingException e) {
    return body(JsonErrors.describe(e));
  }

  // Quarkus' own mapper for this type answers the value the client sent; this one replaces it.
  @ServerExceptionMapper
  public Response unbindable(MismatchedInputException e) {
    return unreadable(e);
  }

  @ServerExceptionMapper
  public Response unparsable(WebApplicationException e) {
    if (e.getCause() instanceof JsonProcessingException json) {
      return unreadable(json);
    }
    Response response = e.getResponse();
    if (response.hasEntity() || response.getStatus() < 400) {
      return response;
    }
    // The framework's own 404, 405, 406, 415...: the same body as every other error, and no request text in it.
    String title = response.getStatusInfo().getReasonPhrase().toLowerCase(Locale.ROOT);
    return Response.fromResponse(response).type(MediaType.APPLICATION_JSON)
        .entity(new ErrorResponse(response.getStatus(), title, List.of())).build();
  }

  @ServerExceptionMapper
  public Response unexpected(Exception e) {
    LOG.error("unexpected failure of a request", e);
    return body(500, "internal error", List.of());
  }

  /** The answer to a refusal: its status, body and {@code Retry-After}, in whole seconds and at least one. */
  public static Response response(RequestRefusedException e) {
    Response.ResponseBuilder response = Response.status(e.status()).type(MediaType.APPLICATION_JSON)
        .entity(new ErrorResponse(e.status(), e.title(), e.errors()));
    if (e.retryAfter() != null) {
      response.header("Retry-After", retryAfterSeconds(e.retryAfter()));
    }
    return response.build();
  }

  public static long retryAfterSeconds(Duration after) {
    long seconds = after.getSeconds() + (after.getNano() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }

  private static Response body(ErrorResponse error) {
    return Response.status(error.status()).type(MediaType.APPLICATION_JSON).entity(error).build();
  }

  private static Response body(int status, String title, List<FieldError> errors) {
    return body(new ErrorResponse(status, title, errors));
  }

  private static boolean isReturnValue(Path path) {
    for (Path.Node node : path) {
      if (node.getKind() == ElementKind.RETURN_VALUE) {
        return true;
      }
    }
    return false;
  }

  // pickup.lat for a body field, minLat for a query parameter, body for the body itself.
  private static String field(Path path) {
    List<String> properties = new ArrayList<>();
    String parameter = null;
    for (Path.Node node : path) {
      if (node.getKind() == ElementKind.PROPERTY) {
        properties.add(node.getName());
      } else if (node.getKind() == ElementKind.PARAMETER) {
        parameter = node.getName();
      }
    }
    if (!properties.isEmpty()) {
      return String.join(".", properties);
    }
    return parameter == null ? "body" : parameter;
  }
}
