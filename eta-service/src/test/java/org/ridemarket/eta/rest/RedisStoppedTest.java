package org.ridemarket.eta.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.ridemarket.eta.DegradedProfiles;
import org.ridemarket.eta.EtaApi;
import org.ridemarket.eta.EtaModelTestResource;
import org.ridemarket.service.warmup.WarmupReadiness;
import org.ridemarket.stack.LocalStackTestResource;

@QuarkusTest
@TestProfile(DegradedProfiles.RedisStopped.class)
@WithTestResource(LocalStackTestResource.class)
@WithTestResource(EtaModelTestResource.class)
class RedisStoppedTest {

  @Test
  void shouldAnswerTheRoutingBaselineWithTheWideRangeFlaggedDegraded() {
    JsonPath eta = EtaApi.eta(EtaApi.PENN_STATION, EtaApi.GRAND_CENTRAL).extract().jsonPath();

    double baseline = eta.getDouble("baselineSeconds");
    assertThat(eta.getBoolean("degraded")).isTrue();
    assertThat(eta.getString("modelVersion")).isNull();
    assertThat(eta.getString("router")).isEqualTo("graphhopper");
    assertThat(eta.getDouble("etaSeconds")).isCloseTo(baseline, within(0.51));
    assertThat(eta.getDouble("p10Seconds")).isCloseTo(0.7 * baseline, within(1.0));
    assertThat(eta.getDouble("p90Seconds")).isCloseTo(1.6 * baseline, within(1.0));
    given().when().get("/q/metrics").then().statusCode(200)
        .body(org.hamcrest.Matchers.containsString("eta_degraded_total{reason=\"features\""));
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
