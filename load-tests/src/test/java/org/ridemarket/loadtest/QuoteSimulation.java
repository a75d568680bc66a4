package org.ridemarket.loadtest;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.List;
import java.util.Map;
import org.ridemarket.loadtest.metrics.ServerTimer;
import org.ridemarket.loadtest.quotes.QuoteRequests;

/**
 * {@code POST /quotes} of the pricing-service at fixed offered rates, with the service's quote latency,
 * Redis read and ONNX inference timers of the same run.
 */
public class QuoteSimulation extends EndpointSimulation {

  public QuoteSimulation() {
    QuoteRequests quotes = QuoteRequests.midtown(settings().seed());
    load(new Endpoint("quote",
        (stream, n) -> Map.of("body", quotes.request(stream, n).json()),
        name -> http(name).post("/quotes").body(StringBody("#{body}")).asJson()
            .check(status().is(201), jsonPath("$.degraded").ofBoolean().saveAs(DEGRADED)),
        List.of(
            new ServerTimer("pricing.quote.latency", Map.of("degraded", "false")),
            new ServerTimer("pricing.quote.latency", Map.of("degraded", "true")),
            ServerTimer.of("pricing.features.read"),
            ServerTimer.of("pricing.model.inference"),
            ServerTimer.of("pricing.journal.record"))));
  }
}
