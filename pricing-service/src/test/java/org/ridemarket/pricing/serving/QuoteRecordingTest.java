package org.ridemarket.pricing.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ridemarket.pricing.PublishedQuotes;
import org.ridemarket.pricing.QuoteApi;
import org.ridemarket.pricing.SurgeModelTestResource;
import org.ridemarket.stack.LocalStack;
import org.ridemarket.stack.LocalStackTestResource;

/**
 * The one recording path of a quote (docs/adr/0011): the row and its event are one write, so a caller
 * that hangs up still leaves both, a broker crash costs no event and doubles none, and with PostgreSQL
 * paused no quote is answered before it is recorded.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
@WithTestResource(SurgeModelTestResource.class)
class QuoteRecordingTest {

  @Inject
  Pool pool;

  @Inject
  MeterRegistry registry;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @TestHTTPResource("/quotes")
  URL quotes;

  @Test
  void shouldRecordAndPublishTheQuoteOfACallerThatHungUp() throws Exception {
    // given a rider app whose request is under way, waiting for PostgreSQL (paused) to record its quote
    LocalStack stack = LocalStackTestResource.shared();
    String rider = "usr_hangup_" + UUID.randomUUID();
    double[] pickup = QuoteApi.freshPickup();
    byte[] body = QuoteApi.body(rider, pickup[0], pickup[1], pickup[0] + 0.01, pickup[1] + 0.01, "STANDARD")
        .getBytes(StandardCharsets.UTF_8);
    stack.pausePostgres(true);
    try (Socket socket = new Socket(quotes.getHost(), quotes.getPort()); OutputStream out = socket.getOutputStream()) {
      out.write(("POST /quotes HTTP/1.1\r\nHost: " + quotes.getHost() + "\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      Thread.sleep(1000);
      // when it gives up and hangs up before the answer
    } finally {
      stack.pausePostgres(false);
    }

    // then its quote is recorded, and its event is published exactly once
    String quoteId = await().atMost(Duration.ofSeconds(20)).until(() -> quoteIdsOf(rider), ids -> ids.size() == 1)
        .get(0);
    await().atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(PublishedQuotes.countByQuoteId(bootstrapServers)).containsEntry(quoteId, 1));
  }

  @Test
  void shouldRefuseRatherThanPromiseWhilePostgresIsPaused() {
    LocalStack stack = LocalStackTestResource.shared();
    String rider = "usr_paused_" + UUID.randomUUID();
    double[] pickup = QuoteApi.freshPickup();
    String body = QuoteApi.body(rider, pickup[0], pickup[1], pickup[0] + 0.01, pickup[1] + 0.01, "STANDARD");

    double refusedBefore = refused("journal-deadline");
    // given PostgreSQL frozen
    stack.pausePostgres(true);
    ExtractableResponse<Response> answer;
    long started = System.nanoTime();
    try {
      // when a rider asks for a quote
      answer = QuoteApi.post(body).extract();
    } finally {
      stack.pausePostgres(false);
    }
    long waitedMillis = (System.nanoTime() - started) / 1_000_000;

    // then no price is promised: a 503 to retry, not a quote that was never recorded, and not a long hold
    assertThat(answer.statusCode()).isEqualTo(503);
    assertThat(answer.header("Retry-After")).isEqualTo("1");
    assertThat(waitedMillis).as("held for the pause").isLessThan(15_000);
    // and the refusal is counted with its reason: the deadline passed while the write waited for PostgreSQL
    assertThat(refused("journal-deadline") - refusedBefore).isEqualTo(1.0);

    // and once PostgreSQL is back, quotes are recorded, read back and published again
    String quoteId = QuoteApi.quote(QuoteApi.freshPickup()).extract().path("quoteId");
    // (200 while it is honoured, 410 with the quote once the tests' 3 s TTL has passed on a slow machine)
    QuoteApi.get(quoteId).statusCode(anyOf(is(200), is(410))).body("quoteId", equalTo(quoteId));
    await().atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(PublishedQuotes.countByQuoteId(bootstrapServers)).containsEntry(quoteId, 1));
  }

  @Test
  void shouldPublishEveryRecordedQuoteExactlyOnceAcrossABrokerKill() {
    // given quotes given before, during and after the broker is killed with SIGKILL and restarted
    String rider = "usr_brokerkill_" + UUID.randomUUID();
    CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
      for (int i = 0; i < 60; i++) {
        double[] pickup = QuoteApi.freshPickup();
        QuoteApi.post(QuoteApi.body(rider, pickup[0], pickup[1], pickup[0] + 0.01, pickup[1] + 0.01, "STANDARD"))
            .statusCode(201);
      }
    });
    LocalStackTestResource.shared().killAndRestartKafka();
    load.join();

    // then every recorded quote has exactly one event
    List<String> recorded = quoteIdsOf(rider);
    assertThat(recorded).hasSize(60);
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      Map<String, Integer> published = PublishedQuotes.countByQuoteId(bootstrapServers);
      assertThat(recorded).allSatisfy(id -> assertThat(published).containsEntry(id, 1));
    });
  }

  private List<String> quoteIdsOf(String rider) {
    List<String> ids = new ArrayList<>();
    for (Row row : pool.preparedQuery("select id from quote where rider_id = $1").execute(Tuple.of(rider))
        .await().atMost(Duration.ofSeconds(10))) {
      ids.add(row.getUUID(0).toString());
    }
    return ids;
  }

  private double refused(String reason) {
    Counter counter = registry.find("pricing.refused").tag("reason", reason).counter();
    return counter == null ? 0 : counter.count();
  }
}
