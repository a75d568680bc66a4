package org.ridemarket.pricing.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.ridemarket.pricing.QuoteApi;
import org.ridemarket.pricing.SurgeModelTestResource;
import org.ridemarket.stack.LocalStackTestResource;

@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
@WithTestResource(SurgeModelTestResource.class)
class HealthAndDocsTest {

  @Test
  void shouldBeReadyWithTheModelAndTheDatabase() {
    given().when().get("/q/health/ready").then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.find { it.name == 'models' }.data.surge", equalTo("surge:test-1"))
        .body("checks.name", hasItem(containsString("PostgreSQL")));
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
        .body(containsString("\"/quotes\""))
        .body(containsString("\"/quotes/{id}\""))
        .body(containsString("\"/surge\""));
  }

  @Test
  void shouldExposeQuoteMetrics() {
    QuoteApi.quote(QuoteApi.freshPickup());

    given().when().get("/q/metrics").then()
        .statusCode(200)
        .body(containsString("pricing_quote_latency_seconds_count{degraded=\"false\""))
        .body(containsString("pricing_features_read_seconds"))
        .body(containsString("serving_outbox_relayed_total"));
  }
}
