package org.ridemarket.fraud.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ridemarket.fraud.FraudApi;
import org.ridemarket.service.warmup.WarmupReadiness;
import org.ridemarket.stack.LocalStackTestResource;

@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class HealthAndDocsTest {

  @Test
  void shouldBeReadyWithTheModelAndTheDatabase() throws InterruptedException {
    WarmupReadiness.awaitWarm(RestAssured.port, Duration.ofSeconds(60));
    given().when().get("/q/health/ready").then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.find { it.name == 'models' }.data.fraud", equalTo("fraud:1"))
        .body("checks.name", hasItem(containsString("PostgreSQL")));
  }

  @Test
  void shouldRehearseTheDecisionPathBeforeItIsReady() throws InterruptedException {
    Map<String, Object> warmUp = WarmupReadiness.awaitWarm(RestAssured.port, Duration.ofSeconds(60));

    // Every round of every step, none dropped or cut short; the service's own (score) and the models' never
    // fail (the Redis read and the HTTP request may miss their time on a loaded machine while it starts).
    assertThat(warmUp).containsEntry("rounds", "20 of 20").doesNotContainKeys("dropped", "cut",
        "failures.score", "failures.models");
  }

  @Test
  void shouldReportRedisInTheDependenciesGroup() {
    given().when().get("/q/health/group/dependencies").then()
        .statusCode(200)
        .body("checks.find { it.name == 'redis-features' }.status", equalTo("UP"));
  }

  @Test
  void shouldDocumentTheApiAndItsKey() {
    given().queryParam("format", "json").when().get("/q/openapi").then()
        .statusCode(200)
        .body(containsString("\"/payments/score\""))
        .body(containsString("\"/reviews\""))
        .body(containsString("\"/reviews/{transactionId}/label\""))
        .body(containsString("X-Api-Key"));
    given().when().get("/q/swagger-ui/").then().statusCode(200);
  }

  @Test
  void shouldExposeDecisionMetrics() {
    FraudApi.score(FraudApi.body(FraudApi.fresh("tx"), "fp-m", "rider-m", "dev-m", 1850)).statusCode(200);

    given().when().get("/q/metrics").then()
        .statusCode(200)
        .body(containsString("fraud_score_latency_seconds_count{degraded=\"false\""))
        .body(containsString("fraud_features_read_seconds"))
        .body(containsString("fraud_journal_record_seconds_count"))
        .body(containsString("fraud_model_inference_seconds"))
        .body(containsString("fraud_decisions_total{decision=\"ALLOW\",degraded=\"false\""))
        // the committed model carries its training histogram, so its drift is watched (ADR 0019)
        .body(containsString("serving_model_feature_psi{feature=\""));
  }
}
