package org.ridemarket.fraud.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.events.FraudLabel;
import org.ridemarket.contracts.events.FraudLabeled;
import org.ridemarket.contracts.events.FraudPattern;
import org.ridemarket.contracts.events.LabelSource;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.fraud.FraudApi;
import org.ridemarket.fraud.VelocityHashes;
import org.ridemarket.fraud.KafkaRecords;
import org.ridemarket.stack.LocalStackTestResource;

@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class ReviewFlowTest {

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @ConfigProperty(name = "redis.url")
  String redisUrl;

  @Test
  void shouldTakeAReviewDecisionFromTheQueueToALabelOnKafka() {
    // given a payment reviewed for impossible travel
    String tx = reviewedPayment();

    // then it is in the open queue, with what it was based on
    given().header("X-Api-Key", FraudApi.ANALYST_KEY).queryParam("state", "OPEN").queryParam("limit", 500)
        .when().get("/reviews").then().statusCode(200)
        .body("transactionId", hasItem(tx))
        .body("find { it.transactionId == '" + tx + "' }.features.card_speed_kmh_from_last", org.hamcrest.Matchers.notNullValue())
        .body("find { it.transactionId == '" + tx + "' }.reasons.code", hasItem("IMPOSSIBLE_TRAVEL"));

    // when one analyst takes it, another cannot, and the first labels it
    FraudApi.review(tx, "take", "{\"analyst\": \"ana\"}").statusCode(200)
        .body("state", equalTo("TAKEN")).body("assignedTo", equalTo("ana"));
    FraudApi.review(tx, "take", "{\"analyst\": \"ana\"}").statusCode(200);
    FraudApi.review(tx, "take", "{\"analyst\": \"bo\"}").statusCode(409);
    FraudApi.review(tx, "label", "{\"analyst\": \"bo\", \"label\": \"LEGIT\"}").statusCode(409);
    JsonPath labelled = FraudApi.review(tx, "label",
            "{\"analyst\": \"ana\", \"label\": \"FRAUD\", \"pattern\": \"IMPOSSIBLE_TRAVEL\"}")
        .statusCode(200).body("state", equalTo("LABELED")).body("label", equalTo("FRAUD"))
        .extract().jsonPath();

    // then the label is on fraud.labels for retraining, and the review has left the open queue
    ConsumerRecord<String, FraudLabeled> record = KafkaRecords.awaitKey(bootstrapServers, Topics.FRAUD_LABELS, tx);
    FraudLabeled event = record.value();
    assertThat(event.getLabel()).isEqualTo(FraudLabel.FRAUD);
    assertThat(event.getPattern()).isEqualTo(FraudPattern.IMPOSSIBLE_TRAVEL);
    assertThat(event.getSource()).isEqualTo(LabelSource.ANALYST_REVIEW);
    assertThat(event.getPaymentTime()).isEqualTo(Instant.parse(labelled.getString("eventTime")).truncatedTo(ChronoUnit.MILLIS));
    given().header("X-Api-Key", FraudApi.ANALYST_KEY).queryParam("limit", 500)
        .when().get("/reviews").then().statusCode(200).body("transactionId", not(hasItem(tx)));
    FraudApi.review(tx, "label", "{\"analyst\": \"ana\", \"label\": \"LEGIT\"}").statusCode(409);
  }

  @Test
  void shouldLabelAnOpenReviewWithoutTakingItFirst() {
    String tx = reviewedPayment();

    FraudApi.review(tx, "label", "{\"analyst\": \"cy\", \"label\": \"LEGIT\"}").statusCode(200)
        .body("label", equalTo("LEGIT")).body("pattern", equalTo("NONE")).body("assignedTo", equalTo("cy"));
  }

  @Test
  void shouldAnswer404ForAPaymentThatIsNotInTheQueue() {
    FraudApi.review(FraudApi.fresh("tx"), "take", "{\"analyst\": \"ana\"}").statusCode(404);
  }

  @Test
  void shouldNameInvalidReviewFields() {
    String tx = reviewedPayment();
    FraudApi.review(tx, "label", "{\"analyst\": \"ana\", \"label\": \"MAYBE\"}").statusCode(400)
        .body("errors.field", hasItem("label"));
    FraudApi.review(tx, "label", "{\"analyst\": \"ana\", \"label\": \"LEGIT\", \"pattern\": \"FRAUD_RING\"}")
        .statusCode(400).body("errors.field", hasItem("pattern"));
    FraudApi.review(tx, "take", "{}").statusCode(400).body("errors.field", hasItem("analyst"));
    given().header("X-Api-Key", FraudApi.ANALYST_KEY).queryParam("state", "NONE")
        .when().get("/reviews").then().statusCode(400).body("errors.field", hasItem("state"));
  }

  private String reviewedPayment() {
    String card = FraudApi.fresh("fp");
    String user = FraudApi.fresh("rider");
    String device = FraudApi.fresh("dev");
    String tx = FraudApi.fresh("tx");
    try (VelocityHashes hashes = new VelocityHashes(redisUrl)) {
      hashes.impossibleTravel(card, user, device);
    }
    FraudApi.score(FraudApi.body(tx, card, user, device, 1850)).statusCode(200).body("decision", equalTo("REVIEW"));
    return tx;
  }
}
