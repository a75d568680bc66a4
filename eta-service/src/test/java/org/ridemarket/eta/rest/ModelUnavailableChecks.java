package org.ridemarket.eta.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.ridemarket.eta.EtaApi;

/** What holds whenever the three ETA models are not all in service, whatever the reason. */
abstract class ModelUnavailableChecks {

  @Test
  void shouldAnswerTheRoutingBaselineWithTheWideRangeFlaggedDegraded() {
    JsonPath eta = EtaApi.eta(EtaApi.PENN_STATION, EtaApi.GRAND_CENTRAL).extract().jsonPath();

    double baseline = eta.getDouble("baselineSeconds");
    assertThat(eta.getBoolean("degraded")).isTrue();
    assertThat(eta.getString("modelVersion")).isNull();
    assertThat(eta.getDouble("etaSeconds")).isCloseTo(baseline, within(0.51));
    assertThat(eta.getDouble("p10Seconds")).isCloseTo(0.7 * baseline, within(1.0));
    assertThat(eta.getDouble("p90Seconds")).isCloseTo(1.6 * baseline, within(1.0));
  }

  /** Readiness is down and names the reason. */
  void assertNotReadyBecause(String reason) {
    given().when().get("/q/health/ready").then()
        .statusCode(503)
        .body("checks.find { it.name == 'models' }.status", equalTo("DOWN"))
        .body("checks.find { it.name == 'models' }.data.reason", containsString(reason));
  }
}
