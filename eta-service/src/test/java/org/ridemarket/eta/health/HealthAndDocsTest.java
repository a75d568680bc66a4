package org.ridemarket.eta.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ridemarket.eta.EtaApi;
import org.ridemarket.eta.EtaModelTestResource;
import org.ridemarket.service.warmup.WarmupReadiness;
import org.ridemarket.stack.LocalStackTestResource;

@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
@WithTestResource(EtaModelTestResource.class)
class HealthAndDocsTest {

  @Test
  void shouldBeReadyWithTheThreeModelsAndTheRoadRouter() throws InterruptedException {
    WarmupReadiness.awaitWarm(RestAssured.port, Duration.ofSeconds(60));
    given().when().get("/q/health/ready").then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.find { it.name == 'models' }.data.eta", equalTo("eta:test-1"))
        .body("checks.find { it.name == 'models' }.data['eta-p10']", equalTo("eta-p10:test-1"))
        .body("checks.find { it.name == 'models' }.data['eta-p90']", equalTo("eta-p90:test-1"))
        .body("checks.find { it.name == 'eta-router' }.data.router", equalTo("graphhopper"));
  }

  @Test
  void shouldRehearseTheDecisionPathBeforeItIsReady() throws InterruptedException {
    Map<String, Object> warmUp = WarmupReadiness.awaitWarm(RestAssured.port, Duration.ofSeconds(60));

    // Every round of every step, none dropped or cut short; the service's own (eta) and the models' never
    // fail (the Redis read and the HTTP request may miss their time on a loaded machine while it starts).
    assertThat(warmUp).containsEntry("rounds", "20 of 20").doesNotContainKeys("dropped", "cut",
        "failures.eta", "failures.models");
  }

  @Test
  void shouldReportRedisInTheDependenciesGroup() {
    given().when().get("/q/health/group/dependencies").then()
        .statusCode(200)
        .body("checks.find { it.name == 'redis-features' }.status", equalTo("UP"));
  }

  @Test
  void shouldDocumentTheApi() {
    given().queryParam("format", "json").when().get("/q/openapi").then()
        .statusCode(200)
        .body(containsString("\"/eta\""))
        .body(containsString("\"/eta/accuracy\""))
        .body(containsString("p90Seconds"));
    given().when().get("/q/swagger-ui/").then().statusCode(200);
  }

  @Test
  void shouldExposeEtaMetrics() {
    EtaApi.eta(EtaApi.PENN_STATION, EtaApi.GRAND_CENTRAL);

    given().when().get("/q/metrics").then()
        .statusCode(200)
        .body(containsString("eta_request_latency_seconds_count{degraded=\"false\""))
        .body(containsString("eta_route_seconds_count"))
        .body(containsString("eta_features_read_seconds_count"))
        .body(containsString("eta_model_inference_seconds_count"))
        .body(containsString("eta_prediction_events_failed_total"))
        .body(containsString("eta_accuracy_mae_seconds"))
        .body(containsString("eta_accuracy_p10_p90_coverage"))
        .body(containsString("eta_accuracy_joined_total"))
        // an ETA is not a promise: nothing is recorded, so there is no journal timer
        .body(not(containsString("eta_journal_record_seconds")));
  }

  @Test
  void shouldWatchTheDriftOfEveryFeatureButThePositionInTheDayAndWeek() {
    // an hour of ETAs holds one hour of the day and one day of the week, never a training week's spread
    given().when().get("/q/metrics").then()
        .statusCode(200)
        .body(containsString("serving_model_feature_psi{feature=\"route_speed_15m\",model=\"eta\""))
        .body(not(containsString("feature=\"hour_of_day\"")))
        .body(not(containsString("feature=\"day_of_week\"")));
  }
}
