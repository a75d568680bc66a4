package org.ridemarket.fraud.rest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.ridemarket.fraud.InvalidRequestException;
import org.ridemarket.fraud.CardNumberRefusedException;
import org.ridemarket.fraud.DecisionConflictException;
import org.ridemarket.fraud.LabelNotPublishedException;
import org.ridemarket.fraud.ReviewConflictException;
import org.ridemarket.fraud.ReviewNotFoundException;
import org.ridemarket.fraud.rest.ErrorResponse.FieldError;

/**
 * The service's one exception mapper: every refused request becomes an {@link ErrorResponse} that
 * names the fields at fault, whether the JSON did not parse, did not bind, did not validate or carried
 * a card number. No message repeats a value the client sent: a body may hold what it must not.
 */
public class RequestErrorMapper {

  private static final Logger LOG = Logger.getLogger(RequestErrorMapper.class);

  @ServerExceptionMapper
  public Response violations(ConstraintViolationException e) {
    // Sorted and without duplicates, so that the body does not depend on the order the validator reports in.
    Set<FieldError> errors = new TreeSet<>(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
    for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
      errors.add(new FieldError(field(violation.getPropertyPath()), violation.getMessage()));
    }
    return badRequest("invalid request", List.copyOf(errors));
  }

  @ServerExceptionMapper
  public Response parameterViolations(ResteasyReactiveViolationException e) {
    return violations(e);
  }

  @ServerExceptionMapper
  public Response unbindable(MismatchedInputException e) {
    return badRequest("malformed JSON", List.of(jsonError(e)));
  }

  @ServerExceptionMapper
  public Response unparsable(WebApplicationException e) {
    if (e.getCause() instanceof JsonProcessingException json) {
      return badRequest("malformed JSON", List.of(jsonError(json)));
    }
    return e.getResponse();
  }

  @ServerExceptionMapper
  public Response invalid(InvalidRequestException e) {
    return badRequest("invalid request", List.of(new FieldError(e.field(), e.getMessage())));
  }

  @ServerExceptionMapper
  public Response cardNumber(CardNumberRefusedException e) {
    return badRequest("card number refused", List.of(new FieldError(e.field(),
        "looks like a card number; send the card's fingerprint, never its number")));
  }

  @ServerExceptionMapper
  public Response conflict(DecisionConflictException e) {
    return Response.status(Response.Status.CONFLICT).entity(new ErrorResponse(409, "transaction " + e.transactionId()
        + " was already decided for a different payment; its recorded decision stands",
        List.of(new FieldError("transactionId", "already used for a payment with other fields")))).build();
  }

  @ServerExceptionMapper
  public Response reviewConflict(ReviewConflictException e) {
    return Response.status(Response.Status.CONFLICT).entity(new ErrorResponse(409, e.getMessage(), List.of())).build();
  }

  @ServerExceptionMapper
  public Response reviewNotFound(ReviewNotFoundException e) {
    return Response.status(Response.Status.NOT_FOUND).entity(new ErrorResponse(404, e.getMessage(), List.of()))
        .build();
  }

  @ServerExceptionMapper
  public Response labelNotPublished(LabelNotPublishedException e) {
    LOG.error(e.getMessage(), e);
    return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", "1")
        .entity(new ErrorResponse(503, "the label is recorded but was not published; retry the same label", List.of()))
        .build();
  }

  private static Response badRequest(String title, List<FieldError> errors) {
    return Response.status(Response.Status.BAD_REQUEST).entity(new ErrorResponse(400, title, errors)).build();
  }

  // location.lat for a body field, state for a query parameter, body for the body itself.
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
    return parameter == null ? path.toString() : parameter;
  }

  // A syntax error is the body's fault wherever the parser stopped; a binding error is the field's.
  private static FieldError jsonError(JsonProcessingException e) {
    String path = e instanceof JsonMappingException mapping ? jsonPath(mapping) : "";
    JsonParseException syntax = syntaxError(e);
    if (syntax != null) {
      JsonLocation location = syntax.getLocation();
      return new FieldError("body", "is not valid JSON"
          + (location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr())
          + (path.isEmpty() ? "" : " (inside " + path + ")"));
    }
    // Jackson's own message may quote the value, so only the expected type is reported.
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return new FieldError(path.isEmpty() ? "body" : path, "must be " + describe(mismatch.getTargetType()));
    }
    return new FieldError(path.isEmpty() ? "body" : path, "cannot be read");
  }

  private static String describe(Class<?> type) {
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == java.time.Instant.class) {
      return "an ISO-8601 instant, e.g. 2026-11-21T18:04:05Z";
    }
    return "an object of type " + type.getSimpleName();
  }

  private static JsonParseException syntaxError(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof JsonParseException syntax) {
        return syntax;
      }
    }
    return null;
  }

  private static String jsonPath(JsonMappingException e) {
    return e.getPath().stream()
        .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
  }
}
