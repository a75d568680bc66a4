package org.ridemarket.service.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * An endpoint that does nothing, on the same HTTP stack as the decisions: the floor a benchmark
 * compares a decision's latency and CPU with.
 */
@Path("/serving/noop")
public class NoopResource {

  /** 204, at once, on the event loop. */
  @GET
  public void noop() {
    // Nothing: the cost measured is the HTTP stack's.
  }
}
