package org.ridemarket.fraud.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.ridemarket.fraud.DegradedProfiles;
import org.ridemarket.fraud.FraudApi;
import org.ridemarket.service.warmup.WarmupReadiness;
import org.ridemarket.stack.LocalStackTestResource;

@QuarkusTest
@TestProfile(DegradedProfiles.RedisStopped.class)
@WithTestResource(LocalStackTestResource.class)
class RedisStoppedTest {

  @Test
  void shouldAllowASmallPaymentFlaggedDegraded() {
    FraudApi.score(FraudApi.body(FraudApi.fresh("tx"), "fp-r", "rider-r", "dev-r", 5000)).statusCode(200)
        .body("decision", equalTo("ALLOW"))
        .body("degraded", equalTo(true))
        .body("score", nullValue())
        .body("reasons.code", contains("FEATURES_UNAVAILABLE", "FALLBACK_AMOUNT"));
  }

  @Test
  void shouldNeverSilentlyAllowALargePayment() {
    FraudApi.score(FraudApi.body(FraudApi.fresh("tx"), "fp-r", "rider-r", "dev-r", 5001)).statusCode(200)
        .body("decision", equalTo("REVIEW"))
        .body("degraded", equalTo(true))
        .body("reasons.code", contains("FEATURES_UNAVAILABLE", "FALLBACK_AMOUNT"));
  }

  @Test
  void shouldReportRedisDownButStayReady() throws InterruptedException {
    given().when().get("/q/health/group/dependencies").then()
        .statusCode(503)
        .body("checks.find { it.name == 'redis-features' }.status", equalTo("DOWN"));
    // Redis down does not hold readiness back: its read fails at once in every round and the warm-up ends.
    assertThat(WarmupReadiness.awaitWarm(RestAssured.port, Duration.ofSeconds(60)))
        .containsEntry("rounds", "20 of 20").containsEntry("failures.feature-store", 20L);
    given().when().get("/q/health/ready").then().statusCode(200);
  }
}
