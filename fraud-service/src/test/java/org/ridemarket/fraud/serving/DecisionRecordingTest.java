package org.ridemarket.fraud.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.fraud.FraudApi;
import org.ridemarket.fraud.KafkaRecords;
import org.ridemarket.stack.LocalStack;
import org.ridemarket.stack.LocalStackTestResource;

/**
 * The one recording path of a fraud decision (docs/adr/0011): a gateway that hangs up still leaves the
 * decision and its event, and with PostgreSQL paused nothing is decided unrecorded: a fast 503, after
 * which a retry with the same transaction id gets the decision that was recorded, if one was.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class DecisionRecordingTest {

  @Inject
  Pool pool;

  @Inject
  MeterRegistry registry;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @TestHTTPResource("/payments/score")
  URL score;

  @Test
  void shouldRecordAndPublishTheDecisionOfAGatewayThatHungUp() throws Exception {
    // given a gateway whose payment is under way, waiting for PostgreSQL (paused) to record its decision
    LocalStack stack = LocalStackTestResource.shared();
    String transaction = FraudApi.fresh("tx-hangup");
    byte[] body = FraudApi.body(transaction, FraudApi.fresh("card"), FraudApi.fresh("usr"), FraudApi.fresh("dev"), 1200)
        .getBytes(StandardCharsets.UTF_8);
    stack.pausePostgres(true);
    try (Socket socket = new Socket(score.getHost(), score.getPort()); OutputStream out = socket.getOutputStream()) {
      out.write(("POST /payments/score HTTP/1.1\r\nHost: " + score.getHost() + "\r\nContent-Type: application/json\r\n"
          + "X-Api-Key: " + FraudApi.GATEWAY_KEY + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      Thread.sleep(1000);
      // when it gives up and hangs up before the answer
    } finally {
      stack.pausePostgres(false);
    }

    // then the decision is recorded and its event published exactly once
    await().atMost(Duration.ofSeconds(20)).until(() -> rows(transaction) == 1);
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(KafkaRecords.countKey(bootstrapServers, Topics.FRAUD_DECISIONS, transaction)).isEqualTo(1));
  }

  @Test
  void shouldRefuseFastWhilePostgresIsPausedAndReplayWhatWasRecorded() {
    LocalStack stack = LocalStackTestResource.shared();
    String transaction = FraudApi.fresh("tx-paused");
    String body = FraudApi.body(transaction, FraudApi.fresh("card"), FraudApi.fresh("usr"), FraudApi.fresh("dev"), 900);

    double refusedBefore = refused("journal-deadline");
    // given PostgreSQL frozen, a payment is refused rather than decided unrecorded
    stack.pausePostgres(true);
    ExtractableResponse<Response> refused;
    long started = System.nanoTime();
    try {
      refused = FraudApi.score(body).extract();
    } finally {
      stack.pausePostgres(false);
    }
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.header("Retry-After")).isEqualTo("1");
    assertThat((System.nanoTime() - started) / 1_000_000).as("ms held for the pause").isLessThan(15_000);
    // and counted with its reason: the deadline passed while the write waited for PostgreSQL
    assertThat(refused("journal-deadline") - refusedBefore).isEqualTo(1.0);

    // when the gateway retries with the same transaction id once PostgreSQL is back
    String first = FraudApi.score(body).statusCode(200).extract().path("decision");
    String again = FraudApi.score(body).statusCode(200).extract().path("decision");

    // then it gets one recorded decision, replayed, with one row and one event
    assertThat(again).isEqualTo(first);
    assertThat(rows(transaction)).isEqualTo(1);
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(KafkaRecords.countKey(bootstrapServers, Topics.FRAUD_DECISIONS, transaction)).isEqualTo(1));
  }

  private long rows(String transaction) {
    return pool.preparedQuery("select count(*) from fraud_decision where transaction_id = $1")
        .execute(Tuple.of(transaction)).map(result -> result.iterator().next().getLong(0))
        .await().atMost(Duration.ofSeconds(10));
  }

  private double refused(String reason) {
    Counter counter = registry.find("fraud.refused").tag("reason", reason).counter();
    return counter == null ? 0 : counter.count();
  }
}
