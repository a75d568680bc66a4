package org.ridemarket.loadtest.bench;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.util.Map;

/**
 * One stream of requests at a fixed offered rate: where they go, their pre-built bodies (null for a
 * request without one, such as {@code GET /serving/noop}) and where their outcomes go.
 *
 * @param name for thread names and messages
 * @param port the service on 127.0.0.1
 * @param method HTTP method
 * @param uri path and query
 * @param headers extra headers (the fraud gateway's API key)
 * @param bodies body of request n, at least {@code count} of them; null for none
 * @param rate offered requests per second
 * @param count requests in all
 * @param sink where each outcome is reported
 */
public record Load(String name, int port, HttpMethod method, String uri, Map<String, String> headers, Buffer[] bodies,
    int rate, int count, Sink sink) {

  public Load {
    headers = Map.copyOf(headers);
    if (rate < 1) {
      throw new IllegalArgumentException(name + ": rate must be at least 1/s, got " + rate);
    }
    if (bodies != null && bodies.length < count) {
      throw new IllegalArgumentException(name + ": " + bodies.length + " bodies for " + count + " requests");
    }
  }

  /** Body of request {@code n}, or null. */
  Buffer body(int n) {
    return bodies == null ? null : bodies[n];
  }
}
