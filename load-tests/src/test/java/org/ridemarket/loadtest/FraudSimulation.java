package org.ridemarket.loadtest;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.List;
import java.util.Map;
import org.ridemarket.loadtest.metrics.ServerTimer;
import org.ridemarket.loadtest.payments.PaymentRequests;

/**
 * {@code POST /payments/score} of the fraud-service at fixed offered rates, with the service's scoring
 * latency (Redis reads to the PostgreSQL commit), Redis read and ONNX inference timers of the same run.
 * The gateway's API key is {@code -DapiKey} (default: the key {@code ./stack} gives the local gateway);
 * transaction ids carry {@code -DrunId} (default: the start time), so every run makes new decisions.
 */
public class FraudSimulation extends EndpointSimulation {

  /** The key {@code ./stack} configures for the local gateway (local-stack's AppSpec). */
  static final String STACK_GATEWAY_KEY = "dev-gateway-key";

  public FraudSimulation() {
    String apiKey = System.getProperty("apiKey", STACK_GATEWAY_KEY);
    String runId = System.getProperty("runId", Long.toString(System.currentTimeMillis(), 36));
    PaymentRequests payments = PaymentRequests.midtown(settings().seed(), runId);
    load(new Endpoint("score",
        (stream, n) -> Map.of("body", payments.request(stream, n).json()),
        name -> http(name).post("/payments/score").header("X-Api-Key", apiKey).body(StringBody("#{body}")).asJson()
            .check(status().is(200), jsonPath("$.degraded").ofBoolean().saveAs(DEGRADED)),
        List.of(
            new ServerTimer("fraud.score.latency", Map.of("degraded", "false")),
            new ServerTimer("fraud.score.latency", Map.of("degraded", "true")),
            ServerTimer.of("fraud.features.read"),
            ServerTimer.of("fraud.model.inference"),
            ServerTimer.of("fraud.journal.record"))));
  }
}
