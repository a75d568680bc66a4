package org.ridemarket.eta.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.ridemarket.eta.DegradedProfiles;
import org.ridemarket.eta.EtaApi;
import org.ridemarket.eta.EtaModelTestResource;
import org.ridemarket.service.warmup.WarmupReadiness;
import org.ridemarket.stack.LocalStackTestResource;

/**
 * Kafka unreachable: ETAs are answered as usual, without waiting for the broker, their events are counted as failed at
 * once, and the service stays ready.
 */
@QuarkusTest
@TestProfile(DegradedProfiles.KafkaDown.class)
@WithTestResource(LocalStackTestResource.class)
@WithTestResource(EtaModelTestResource.class)
class KafkaDownTest {

  @Test
  void shouldAnswerWithoutWaitingForKafka() throws InterruptedException {
    ExtractableResponse<Response> response = EtaApi.post(EtaApi.body(EtaApi.PENN_STATION, EtaApi.GRAND_CENTRAL, "trip-k"))
        .statusCode(200).extract();
    JsonPath eta = response.jsonPath();

    assertThat(eta.getBoolean("degraded")).isFalse();
    assertThat(eta.getString("modelVersion")).isEqualTo("eta:" + EtaModelTestResource.VERSION);
    // The answer does not wait for Kafka (an emitter-style producer would block up to a minute on metadata).
    assertThat(response.time()).isLessThan(2_000);
    // The producer has no partition metadata and does not wait for it: the event fails at once and is counted.
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(failedEvents()).isGreaterThanOrEqualTo(1));
    WarmupReadiness.awaitWarm(RestAssured.port, Duration.ofSeconds(60));
    given().when().get("/q/health/ready").then().statusCode(200);
  }

  private static double failedEvents() {
    return given().when().get("/q/metrics").then().statusCode(200).extract().asString().lines()
        .filter(line -> line.startsWith("eta_prediction_events_failed_total"))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }
}
