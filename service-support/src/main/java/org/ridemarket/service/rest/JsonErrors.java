package org.ridemarket.service.rest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.ridemarket.service.rest.ErrorResponse.FieldError;
import org.ridemarket.service.rest.json.JsonPaths;
import org.ridemarket.service.rest.json.RefusedJsonException;

/**
 * Turns a body Jackson could not read into a 400 naming the field. Jackson's own messages quote the
 * input, so none is ever passed on: only where the body went wrong and what was expected there.
 */
public final class JsonErrors {

  private static final String MALFORMED = "malformed JSON";

  private JsonErrors() {
  }

  public static ErrorResponse describe(JsonProcessingException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof RefusedJsonException refused) {
        RequestRefusedException refusal = refused.refusal();
        return new ErrorResponse(refusal.status(), refusal.title(), refusal.errors());
      }
      if (cause instanceof StreamConstraintsException) {
        return malformed(JsonPaths.BODY, "exceeds the input limits (nesting depth, number or text length)");
      }
    }
    JsonParseException syntax = syntaxError(e);
    if (syntax != null) {
      JsonParser parser = syntax.getProcessor();
      if (syntax.getOriginalMessage().startsWith("Duplicate field") && parser != null) {
        return malformed(JsonPaths.of(parser.getParsingContext()), "appears more than once");
      }
      JsonLocation location = syntax.getLocation();
      return malformed(JsonPaths.BODY, "is not valid JSON"
          + (location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr()));
    }
    if (e.getOriginalMessage().startsWith("Trailing token")) {
      return malformed(JsonPaths.BODY, "must hold one JSON value and nothing after it");
    }
    String path = e instanceof JsonMappingException mapping ? jsonPath(mapping) : "";
    String field = path.isEmpty() ? JsonPaths.BODY : path;
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return malformed(field, "must be " + describe(mismatch.getTargetType()));
    }
    return malformed(field, "cannot be read");
  }

  private static ErrorResponse malformed(String field, String message) {
    return new ErrorResponse(400, MALFORMED, List.of(new FieldError(field, message)));
  }

  private static String describe(Class<?> type) {
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == Instant.class) {
      return "an ISO-8601 instant, e.g. 2026-11-21T18:04:05Z";
    }
    return type.isArray() || java.util.Collection.class.isAssignableFrom(type) ? "an array" : "an object";
  }

  private static JsonParseException syntaxError(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof JsonParseException syntax) {
        return syntax;
      }
    }
    return null;
  }

  // Jackson's own path, its field names made safe to answer.
  private static String jsonPath(JsonMappingException e) {
    return e.getPath().stream()
        .map(reference -> reference.getFieldName() != null ? JsonPaths.safeName(reference.getFieldName())
            : "[" + reference.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
  }
}
