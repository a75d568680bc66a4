package org.ridemarket.service.rest.route;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.ridemarket.service.rest.ErrorResponse;
import org.ridemarket.service.rest.ErrorResponse.FieldError;
import org.ridemarket.service.rest.JsonErrors;
import org.ridemarket.service.rest.RequestErrorMapper;
import org.ridemarket.service.rest.RequestRefusedException;

/**
 * The edge of a decision endpoint, served from a Vert.x route rather than a JAX-RS method
 * (docs/adr/0017-decision-routes.md): the body is read with the service's hardened ObjectMapper, checked by
 * hand ({@link Checked}), decided, and the answer or the refusal written as JSON, with the same bodies as
 * {@link RequestErrorMapper} gives on every other endpoint. It runs on the event loop and never blocks:
 * the decision itself returns a stage that completes wherever its last dependency answers.
 */
@Singleton
public class DecisionRoutes {

  private static final Logger LOG = Logger.getLogger(DecisionRoutes.class);
  private static final String JSON = "application/json";
  private static final ErrorResponse NO_BODY = new ErrorResponse(400, "invalid request",
      List.of(new FieldError("body", "a JSON body is required")));
  private static final ErrorResponse NOT_JSON = new ErrorResponse(415, "unsupported media type", List.of());

  // A reader per request type and a writer per answer type, made once: ObjectMapper.readValue and
  // writeValueAsBytes look the type up in the mapper's caches on every call.
  private final ClassValue<ObjectReader> readers;
  private final ClassValue<ObjectWriter> writers;

  DecisionRoutes(ObjectMapper json) {
    this.readers = new ClassValue<>() {
      @Override
      protected ObjectReader computeValue(Class<?> type) {
        return json.readerFor(type);
      }
    };
    this.writers = new ClassValue<>() {
      @Override
      protected ObjectWriter computeValue(Class<?> type) {
        return json.writerFor(type);
      }
    };
  }

  /**
   * Answers one request: parses {@code body} (the route's {@code @Body Buffer}, read within
   * {@code quarkus.http.limits.max-body-size}) as {@code type}, checks it, and writes what {@code decide}
   * answers. {@code decide} may throw or fail with a {@link RequestRefusedException} for a refusal; anything
   * else is a 500, logged.
   */
  public <T extends Checked> void answer(RoutingContext request, Buffer body, Class<T> type,
      Function<? super T, ? extends CompletionStage<Answer>> decide) {
    String contentType = request.request().getHeader(HttpHeaders.CONTENT_TYPE);
    if (contentType != null && !isJson(contentType)) {
      write(request, NOT_JSON.status(), NOT_JSON, null);
      return;
    }
    CompletionStage<Answer> answer;
    try {
      T value = body == null || body.length() == 0 ? null : readers.get(type).readValue(body.getBytes());
      if (value == null) {
        write(request, NO_BODY.status(), NO_BODY, null);
        return;
      }
      FieldChecks.of(value).throwIfAny();
      answer = decide.apply(value);
    } catch (JsonProcessingException e) {
      ErrorResponse error = JsonErrors.describe(e);
      write(request, error.status(), error, null);
      return;
    } catch (RuntimeException e) {
      fail(request, e);
      return;
    } catch (IOException e) {
      fail(request, new IllegalStateException("reading a request body from memory failed", e));
      return;
    }
    answer.whenComplete((given, failure) -> {
      if (failure != null) {
        fail(request, failure);
      } else {
        HttpServerResponse response = request.response();
        if (given.location() != null) {
          response.putHeader(HttpHeaders.LOCATION, given.location());
        }
        write(request, given.status(), given.body(), null);
      }
    });
  }

  /**
   * Rehearses the reading half of this edge without a request (the warm-up, ADR 0031): {@code body} read as
   * {@code type} with the reader {@link #answer} uses, and checked.
   *
   * @throws IOException when {@code body} does not read as {@code type}
   * @throws RequestRefusedException when it fails its checks
   */
  public <T extends Checked> T rehearseRequest(byte[] body, Class<T> type) throws IOException {
    T value = readers.get(type).readValue(body);
    FieldChecks.of(value).throwIfAny();
    return value;
  }

  /** Rehearses the writing half: {@code answer} as JSON, with the writer {@link #answer} uses. */
  public byte[] rehearseAnswer(Object answer) throws JsonProcessingException {
    return writers.get(answer.getClass()).writeValueAsBytes(answer);
  }

  /** Answers a request refused before its body is read (a missing API key, say). */
  public void refuse(RoutingContext request, RequestRefusedException refused) {
    fail(request, refused);
  }

  private void fail(RoutingContext request, Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
        : failure;
    if (cause instanceof RequestRefusedException refused) {
      if (refused.status() >= 500 && refused.getCause() != null) {
        LOG.error(refused.getMessage(), refused.getCause());
      }
      String retryAfter = refused.retryAfter() == null ? null
          : Long.toString(RequestErrorMapper.retryAfterSeconds(refused.retryAfter()));
      write(request, refused.status(), new ErrorResponse(refused.status(), refused.title(), refused.errors()),
          retryAfter);
      return;
    }
    LOG.error("unexpected failure of a request", cause);
    write(request, 500, new ErrorResponse(500, "internal error", List.of()), null);
  }

  private void write(RoutingContext request, int status, Object body, String retryAfter) {
    HttpServerResponse response = request.response();
    if (response.ended() || response.closed()) {
      // The caller has gone; what was decided is recorded (or not) regardless.
      return;
    }
    Buffer bytes;
    try {
      bytes = Buffer.buffer(writers.get(body.getClass()).writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      LOG.error("an answer could not be written as JSON", e);
      status = 500;
      bytes = Buffer.buffer("{\"status\":500,\"title\":\"internal error\",\"errors\":[]}");
    }
    response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, JSON);
    if (retryAfter != null) {
      response.putHeader("Retry-After", retryAfter);
    }
    try {
      response.end(bytes);
    } catch (IllegalStateException closedMeanwhile) {
      LOG.debug("the caller hung up before its answer was written");
    }
  }

  private static boolean isJson(String contentType) {
    String type = contentType.strip().toLowerCase(Locale.ROOT);
    return type.startsWith(JSON) || type.startsWith("application/") && type.contains("+json");
  }
}
