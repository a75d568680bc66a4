package org.ridemarket.loadtest;

import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ridemarket.loadtest.metrics.ServerTimer;

/**
 * One endpoint to put under load: what {@link EndpointSimulation} needs to know of it. An ETA or fraud
 * scenario is one more of these, in its own simulation class.
 *
 * @param name short name, for scenarios, Gatling's request names and report lines (e.g. {@code quote})
 * @param attributes session attributes of the n-th request of a phase, e.g. its JSON body
 * @param request the Gatling request, given its name: it reads the attributes, and its checks fail an
 *     unexpected answer; it may save {@link EndpointSimulation#DEGRADED} (true for a degraded answer)
 * @param serverTimers the service's timers to report after each phase
 */
public record Endpoint(String name, RequestAttributes attributes, Function<String, HttpRequestActionBuilder> request,
    List<ServerTimer> serverTimers) {

  public Endpoint {
    serverTimers = List.copyOf(serverTimers);
  }

  /** The session attributes of one request. */
  @FunctionalInterface
  public interface RequestAttributes {

    /** Attributes of request {@code n} (0-based) of stream {@code stream} (one stream per phase). */
    Map<String, Object> of(long stream, long n);
  }
}
