package org.ridemarket.simulator.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.events.PaymentAttempted;
import org.ridemarket.contracts.events.TripEvent;
import org.ridemarket.contracts.events.TripEventType;
import org.ridemarket.contracts.serde.AvroSerde;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.simulator.TestRuns;
import org.ridemarket.simulator.output.EncodedEvent;
import org.ridemarket.simulator.output.MemorySink;

class ServiceCallsSinkTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<JsonNode> etaCalls = new CopyOnWriteArrayList<>();
  private final List<JsonNode> scoreCalls = new CopyOnWriteArrayList<>();
  private final List<String> apiKeys = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void shouldAskForTheEtaOfEveryPickUpAndScoreEveryPaymentWithoutChangingTheEvents() throws IOException {
    // given live services, and the same hour of the city with and without them
    URI url = services();
    MemorySink alone = new MemorySink();
    TestRuns.run(TestRuns.config(Duration.ofMinutes(40)).build(), alone);
    MemorySink observed = new MemorySink();
    ServiceCallsSink calls = new ServiceCallsSink(new LiveServices(url, url, "gateway-key"), 100_000);

    // when
    TestRuns.run(TestRuns.config(Duration.ofMinutes(40)).build(), observed, calls);

    // then every pick-up was asked about with its trip id, and every payment scored with the key
    assertThat(observed.events()).containsExactlyElementsOf(alone.events());
    List<TripEvent> pickUps = decode(observed, Topics.TRIP_EVENTS.name(), TripEvent.class).stream()
        .filter(trip -> trip.getType() == TripEventType.PICKED_UP).toList();
    List<PaymentAttempted> payments = decode(observed, Topics.PAYMENTS.name(), PaymentAttempted.class);
    assertThat(pickUps).isNotEmpty();
    assertThat(payments).isNotEmpty();
    assertThat(etaCalls).extracting(body -> body.path("tripId").asText())
        .containsExactlyInAnyOrderElementsOf(pickUps.stream().map(TripEvent::getTripId).toList());
    assertThat(etaCalls).allSatisfy(body -> {
      assertThat(body.path("origin").path("lat").isNumber()).isTrue();
      assertThat(body.path("destination").path("lon").isNumber()).isTrue();
      // a replayed morning is far from now: the service's default departure (now) applies
      assertThat(body.has("departureTime")).isFalse();
    });
    assertThat(scoreCalls).extracting(body -> body.path("transactionId").asText())
        .containsExactlyInAnyOrderElementsOf(payments.stream().map(PaymentAttempted::getTransactionId).toList());
    assertThat(scoreCalls).allSatisfy(body -> {
      assertThat(body.path("cardFingerprint").asText()).isNotBlank();
      assertThat(body.path("amountMinor").asLong()).isPositive();
      assertThat(body.path("currency").asText()).hasSize(3);
      assertThat(body.path("eventTime").asText()).endsWith("Z");
    });
    assertThat(apiKeys).hasSize(payments.size()).containsOnly("gateway-key");
    assertThat(calls.summary()).contains("eta: " + pickUps.size() + " ETAs of " + pickUps.size() + " calls")
        .contains("fraud: " + payments.size() + " decisions of " + payments.size() + " calls {ALLOW=" + payments.size());
  }

  @Test
  void shouldCountFailedCallsAndCarryOn() {
    ServiceCallsSink calls = new ServiceCallsSink(new LiveServices(URI.create("http://127.0.0.1:1"), null, null), 100_000);

    TestRuns.run(TestRuns.config(Duration.ofMinutes(20)).build(), calls);

    assertThat(calls.etaCalls().failed.sum()).isPositive().isEqualTo(calls.etaCalls().sent.sum());
    assertThat(calls.summary()).contains("0 ETAs of").doesNotContain("fraud:");
  }

  private URI services() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/eta", exchange -> {
      etaCalls.add(JSON.readTree(exchange.getRequestBody()));
      answer(exchange, "{\"etaSeconds\":300.0,\"degraded\":false}");
    });
    server.createContext("/payments/score", exchange -> {
      scoreCalls.add(JSON.readTree(exchange.getRequestBody()));
      apiKeys.add(exchange.getRequestHeaders().getFirst("X-Api-Key"));
      answer(exchange, "{\"decision\":\"ALLOW\",\"degraded\":false}");
    });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private static void answer(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("content-type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static <T extends org.apache.avro.specific.SpecificRecord> List<T> decode(MemorySink sink, String topic,
      Class<T> type) {
    AvroSerde<T> serde = new AvroSerde<>(type);
    return sink.events().stream().filter(event -> event.topic().equals(topic))
        .map((EncodedEvent event) -> serde.deserialize(topic, event.value())).toList();
  }
}
