package org.ridemarket.pricing.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ridemarket.pricing.FeatureHashes;
import org.ridemarket.pricing.QuoteApi;

/** What holds whenever no surge model is in service, whatever the reason. */
abstract class ModelUnavailableChecks {

  @ConfigProperty(name = "redis.url")
  String redisUrl;

  @Test
  void shouldQuoteABusyCellAtOneFlaggedDegraded() {
    double[] pickup = QuoteApi.freshPickup();
    try (FeatureHashes hashes = new FeatureHashes(redisUrl)) {
      hashes.busy(FeatureHashes.cellOf(pickup[0], pickup[1]));
    }

    JsonPath quote = QuoteApi.quote(pickup).extract().jsonPath();

    assertThat(quote.getBoolean("degraded")).isTrue();
    assertThat(quote.getString("surgeSource")).isEqualTo("DEFAULT");
    assertThat(quote.getDouble("surgeMultiplier")).isEqualTo(1.0);
    assertThat(quote.getString("modelVersion")).isNull();
  }

  @Test
  void shouldQuoteACalmCellAtOneWithoutNeedingTheModel() {
    JsonPath quote = QuoteApi.quote(QuoteApi.freshPickup()).extract().jsonPath();

    assertThat(quote.getBoolean("degraded")).isFalse();
    assertThat(quote.getString("surgeSource")).isEqualTo("CALM_CELL");
  }

  /** Readiness is down and names the reason. */
  void assertNotReadyBecause(String reason) {
    given().when().get("/q/health/ready").then()
        .statusCode(503)
        .body("checks.find { it.name == 'models' }.status", equalTo("DOWN"))
        .body("checks.find { it.name == 'models' }.data.reason", containsString(reason));
  }
}
