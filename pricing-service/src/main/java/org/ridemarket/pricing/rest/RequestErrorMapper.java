package org.ridemarket.pricing.rest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
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
import org.ridemarket.pricing.InvalidRequestException;
import org.ridemarket.pricing.rest.ErrorResponse.FieldError;

/**
 * The service's one exception mapper: every refused request becomes an {@link ErrorResponse} that
 * names the fields at fault, whether the JSON did not parse, did not bind or did not validate.
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

  private static Response badRequest(String title, List<FieldError> errors) {
    return Response.status(Response.Status.BAD_REQUEST).entity(new ErrorResponse(400, title, errors)).build();
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
    if (e instanceof InvalidFormatException format) {
      return new FieldError(path, "cannot read " + format.getValue() + " as " + format.getTargetType().getSimpleName());
    }
    return new FieldError(path.isEmpty() ? "body" : path, e.getOriginalMessage());
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
