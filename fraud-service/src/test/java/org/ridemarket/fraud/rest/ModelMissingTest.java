package org.ridemarket.fraud.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ridemarket.fraud.DegradedProfiles;
import org.ridemarket.fraud.FraudApi;
import org.ridemarket.fraud.VelocityHashes;
import org.ridemarket.stack.LocalStackTestResource;

@QuarkusTest
@TestProfile(DegradedProfiles.ModelMissing.class)
@WithTestResource(LocalStackTestResource.class)
class ModelMissingTest {

  @ConfigProperty(name = "redis.url")
  String redisUrl;

  @Test
  void shouldDecideByTheRulesAloneFlaggedDegraded() {
    String card = FraudApi.fresh("fp");
    String user = FraudApi.fresh("rider");
    String device = FraudApi.fresh("dev");
    try (VelocityHashes hashes = new VelocityHashes(redisUrl)) {
      hashes.cardTesting(card, user, device);
    }

    FraudApi.score(FraudApi.body(FraudApi.fresh("tx"), card, user, device, 150)).statusCode(200)
        .body("decision", equalTo("BLOCK"))
        .body("degraded", equalTo(true))
        .body("score", nullValue())
        .body("modelVersion", nullValue())
        .body("reasons.code", hasItem("MODEL_UNAVAILABLE"))
        .body("reasons.code", hasItem("CARD_TESTING_BURST"));
  }

  @Test
  void shouldAllowAQuietSmallPaymentAndReviewAQuietLargeOne() {
    String card = FraudApi.fresh("fp");
    String user = FraudApi.fresh("rider");
    String device = FraudApi.fresh("dev");
    try (VelocityHashes hashes = new VelocityHashes(redisUrl)) {
      hashes.regular(card, user, device);
    }

    FraudApi.score(FraudApi.body(FraudApi.fresh("tx"), card, user, device, 1850)).statusCode(200)
        .body("decision", equalTo("ALLOW")).body("degraded", equalTo(true));
    FraudApi.score(FraudApi.body(FraudApi.fresh("tx"), card, user, device, 25_000)).statusCode(200)
        .body("decision", equalTo("REVIEW")).body("reasons.code", hasItem("FALLBACK_AMOUNT"));
  }

  @Test
  void shouldBeUnreadyNamingTheMissingModel() {
    given().when().get("/q/health/ready").then()
        .statusCode(503)
        .body("checks.find { it.name == 'models' }.status", equalTo("DOWN"))
        .body("checks.find { it.name == 'models' }.data.reason", containsString("absent"));
  }
}
