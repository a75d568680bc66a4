package org.ridemarket.loadtest;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.List;
import java.util.Map;
import org.ridemarket.loadtest.eta.EtaRequests;
import org.ridemarket.loadtest.metrics.ServerTimer;

/**
 * {@code POST /eta} of the eta-service at fixed offered rates, with the service's request latency,
 * routing, pipelined Redis read and ONNX inference timers of the same run.
 */
public class EtaSimulation extends EndpointSimulation {

  public EtaSimulation() {
    EtaRequests etas = EtaRequests.midtown(settings().seed());
    load(new Endpoint("eta",
        (stream, n) -> Map.of("body", etas.request(stream, n).json()),
        name -> http(name).post("/eta").body(StringBody("#{body}")).asJson()
            .check(status().is(200), jsonPath("$.degraded").ofBoolean().saveAs(DEGRADED)),
        List.of(
            new ServerTimer("eta.request.latency", Map.of("degraded", "false")),
            new ServerTimer("eta.request.latency", Map.of("degraded", "true")),
            ServerTimer.of("eta.route"),
            ServerTimer.of("eta.features.read"),
            ServerTimer.of("eta.model.inference"))));
  }
}
