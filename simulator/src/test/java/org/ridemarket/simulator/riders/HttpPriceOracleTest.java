package org.ridemarket.simulator.riders;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.events.Product;
import org.ridemarket.simulator.TestRuns;
import org.ridemarket.simulator.city.Point;
import org.ridemarket.simulator.progress.Snapshot;

class HttpPriceOracleTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<JsonNode> received = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void shouldAskThePricingServiceAndReturnItsMultiplier() throws IOException {
    // given a pricing-service that quotes 1.7
    URI url = pricingService(201, "{\"quoteId\":\"q-1\",\"surgeMultiplier\":1.7,\"degraded\":false}");
    HttpPriceOracle oracle = new HttpPriceOracle(url, Duration.ofSeconds(2));

    // when a rider asks
    double multiplier = oracle.multiplierFor(new QuoteRequest("usr_1", new Point(40.758, -73.9855),
        new Point(40.7527, -73.9772), "882a100d65fffff", Product.XL, 0L));

    // then the service saw the rider's trip in its API shape, and the rider sees its price
    assertThat(multiplier).isEqualTo(1.7);
    assertThat(received).singleElement().satisfies(body -> {
      assertThat(body.path("riderId").asText()).isEqualTo("usr_1");
      assertThat(body.path("pickup").path("lat").asDouble()).isEqualTo(40.758);
      assertThat(body.path("dropoff").path("lon").asDouble()).isEqualTo(-73.9772);
      assertThat(body.path("product").asText()).isEqualTo("XL");
    });
    assertThat(oracle.quoted()).isEqualTo(1);
  }

  @Test
  void shouldShowNoSurgeAndCountTheFailureWhenTheServiceFails() throws IOException {
    HttpPriceOracle broken = new HttpPriceOracle(pricingService(503, "{}"), Duration.ofSeconds(2));
    HttpPriceOracle absent = new HttpPriceOracle(URI.create("http://127.0.0.1:1"), Duration.ofMillis(300));
    QuoteRequest request = new QuoteRequest("usr_1", new Point(40.758, -73.9855), new Point(40.7527, -73.9772),
        "882a100d65fffff", Product.STANDARD, 0L);

    assertThat(broken.multiplierFor(request)).isEqualTo(1.0);
    assertThat(absent.multiplierFor(request)).isEqualTo(1.0);
    assertThat(broken.failed()).isEqualTo(1);
    assertThat(absent.failed()).isEqualTo(1);
    assertThat(broken.summary()).contains("1 failed calls").contains("HTTP 503");
  }

  @Test
  void shouldMakeRidersWhoFindThePriceTooHighWalkAway() throws IOException {
    // given the same city once with flat prices and once quoted a steep surge by a live service
    HttpPriceOracle steep = new HttpPriceOracle(pricingService(201, "{\"surgeMultiplier\":2.5}"), Duration.ofSeconds(2));

    // when both run the same seeded hour
    Snapshot flat = TestRuns.run(TestRuns.config(Duration.ofHours(1)).build(), TestRuns.builtInCity(), List.of(),
        PriceOracle.FLAT);
    Snapshot surged = TestRuns.run(TestRuns.config(Duration.ofHours(1)).build(), TestRuns.builtInCity(), List.of(),
        steep);

    // then every would-be request was quoted, and riders with a lower limit walked away
    assertThat(flat.priceDeclined()).isZero();
    assertThat(surged.priceDeclined()).isPositive();
    assertThat(surged.ridesRequested()).isLessThan(flat.ridesRequested());
    assertThat(steep.quoted()).isEqualTo(surged.ridesRequested() + surged.priceDeclined());
  }

  private URI pricingService(int status, String answer) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/quotes", exchange -> {
      received.add(JSON.readTree(exchange.getRequestBody()));
      byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("content-type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }
}
