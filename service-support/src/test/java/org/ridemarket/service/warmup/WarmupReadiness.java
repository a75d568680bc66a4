package org.ridemarket.service.warmup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * For the services' tests (in the test-jar): waits until a service's {@code warm-up} readiness check is UP,
 * so that a test asserting readiness does not race the warm-up, and gives the check's data.
 */
public final class WarmupReadiness {

  private static final ObjectMapper JSON = new ObjectMapper();

  private WarmupReadiness() {
  }

  /**
   * The data of the {@code warm-up} check of the service on 127.0.0.1:{@code port} once it is UP.
   *
   * @throws AssertionError when it is not UP within {@code timeout}
   */
  public static Map<String, Object> awaitWarm(int port, Duration timeout) throws InterruptedException {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
        .timeout(Duration.ofSeconds(5)).build();
    long giveUpAt = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < giveUpAt) {
      try {
        String body = client.send(request, HttpResponse.BodyHandlers.ofString()).body();
        last = body;
        for (JsonNode check : JSON.readTree(body).path("checks")) {
          if (check.path("name").asText().equals("warm-up") && check.path("status").asText().equals("UP")) {
            Map<String, Object> data = new LinkedHashMap<>();
            check.path("data").fields().forEachRemaining(field -> data.put(field.getKey(),
                field.getValue().isNumber() ? (Object) field.getValue().asLong() : field.getValue().asText()));
            return data;
          }
        }
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the warm-up of the service on port " + port + " was not over within " + timeout
        + "; readiness said: " + last);
  }
}
