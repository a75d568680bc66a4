package org.ridemarket.simulator.riders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Quotes each request at a live pricing-service ({@code POST /quotes}): the closed loop in which
 * surge feeds back into demand. A rider app that gets no quote shows no surge, so a failed or slow
 * call counts as 1.0 and is counted; a live loop is not deterministic, since prices depend on the
 * service's state.
 */
public final class HttpPriceOracle implements PriceOracle {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client;
  private final URI quotes;
  private final Duration timeout;
  private long quoted;
  private long failed;
  private String lastFailure = "none";

  /** An oracle asking the pricing-service at {@code baseUrl}, giving up on a call after {@code timeout}. */
  public HttpPriceOracle(URI baseUrl, Duration timeout) {
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    this.quotes = baseUrl.resolve("/quotes");
    this.timeout = timeout;
  }

  @Override
  public double multiplierFor(QuoteRequest request) {
    try {
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(quotes).timeout(timeout)
          .header("content-type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body(request))).build(), HttpResponse.BodyHandlers.ofString());
      JsonNode multiplier = response.statusCode() / 100 == 2
          ? JSON.readTree(response.body()).path("surgeMultiplier") : null;
      if (multiplier == null || !multiplier.isNumber()) {
        return failure("HTTP " + response.statusCode() + ": " + response.body());
      }
      quoted++;
      return multiplier.asDouble();
    } catch (IOException e) {
      return failure(e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failure("interrupted");
    }
  }

  /** One line for the run's summary: quotes received and failed calls. */
  public String summary() {
    return "pricing: " + quoted + " quotes from " + quotes + ", " + failed + " failed calls (last: " + lastFailure + ")";
  }

  long quoted() {
    return quoted;
  }

  long failed() {
    return failed;
  }

  private double failure(String why) {
    failed++;
    lastFailure = why.length() > 200 ? why.substring(0, 200) : why;
    return 1.0;
  }

  private static String body(QuoteRequest request) {
    ObjectNode body = JSON.createObjectNode();
    body.put("riderId", request.riderId());
    body.putObject("pickup").put("lat", request.pickup().lat()).put("lon", request.pickup().lon());
    body.putObject("dropoff").put("lat", request.dropoff().lat()).put("lon", request.dropoff().lon());
    body.put("product", request.product().name());
    return body.toString();
  }
}
