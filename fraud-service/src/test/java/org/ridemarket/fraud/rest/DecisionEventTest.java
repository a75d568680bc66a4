package org.ridemarket.fraud.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.events.FraudDecided;
import org.ridemarket.contracts.events.FraudDecision;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.fraud.FraudApi;
import org.ridemarket.fraud.KafkaRecords;
import org.ridemarket.fraud.VelocityHashes;
import org.ridemarket.stack.LocalStackTestResource;

@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class DecisionEventTest {

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @ConfigProperty(name = "redis.url")
  String redisUrl;

  @Test
  void shouldPublishOneFraudDecidedPerNewDecisionKeyedByTransactionId() {
    String card = FraudApi.fresh("fp");
    String user = FraudApi.fresh("rider");
    String device = FraudApi.fresh("dev");
    String tx = FraudApi.fresh("tx");
    try (VelocityHashes hashes = new VelocityHashes(redisUrl)) {
      hashes.cardTesting(card, user, device);
    }
    String body = FraudApi.body(tx, card, user, device, 150);

    JsonPath decision = FraudApi.score(body).statusCode(200).extract().jsonPath();
    FraudApi.score(body).statusCode(200);
    ConsumerRecord<String, FraudDecided> record = KafkaRecords.awaitKey(bootstrapServers, Topics.FRAUD_DECISIONS, tx);

    FraudDecided event = record.value();
    assertThat(event.getTransactionId()).isEqualTo(tx);
    assertThat(event.getDecision()).isEqualTo(FraudDecision.BLOCK);
    assertThat(event.getScore()).isCloseTo(decision.getDouble("score"), within(1e-6));
    assertThat(event.getCardFingerprint()).isEqualTo(card);
    assertThat(event.getAmountMinor()).isEqualTo(150);
    assertThat(event.getModelVersion()).isEqualTo("fraud:1");
    assertThat(event.getDegraded()).isFalse();
    assertThat(event.getReasons()).anySatisfy(reason -> assertThat(reason.getCode()).isEqualTo("CARD_TESTING_BURST"));
    assertThat(event.getEventTime())
        .isEqualTo(Instant.parse(decision.getString("decidedAt")).truncatedTo(ChronoUnit.MILLIS));
    assertThat(KafkaRecords.countKey(bootstrapServers, Topics.FRAUD_DECISIONS, tx))
        .as("the retry is answered from the record, not published again").isEqualTo(1);
  }
}
