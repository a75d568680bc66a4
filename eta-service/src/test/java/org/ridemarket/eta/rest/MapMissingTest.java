package org.ridemarket.eta.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
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

/** The configured extract does not exist: every ETA is routed map-free, and still made by the models. */
@QuarkusTest
@TestProfile(DegradedProfiles.MapMissing.class)
@WithTestResource(LocalStackTestResource.class)
@WithTestResource(EtaModelTestResource.class)
class MapMissingTest {

  @Test
  void shouldRouteMapFreeAndStillUseTheModels() {
    JsonPath eta = EtaApi.eta(EtaApi.PENN_STATION, EtaApi.GRAND_CENTRAL).extract().jsonPath();

    assertThat(eta.getString("router")).isEqualTo("map-free");
    assertThat(eta.getBoolean("degraded")).isFalse();
    assertThat(eta.getString("modelVersion")).isEqualTo("eta:" + EtaModelTestResource.VERSION);
    // Great circle (1.4 km) times the detour factor 1.3.
    assertThat(eta.getLong("distanceMeters")).isBetween(1_700L, 2_000L);
  }

  @Test
  void shouldStayReadyAndSayWhyItRoutesMapFree() throws InterruptedException {
    WarmupReadiness.awaitWarm(RestAssured.port, Duration.ofSeconds(60));
    given().when().get("/q/health/ready").then()
        .statusCode(200)
        .body("checks.find { it.name == 'eta-router' }.data.router", equalTo("map-free"))
        .body("checks.find { it.name == 'eta-router' }.data.reason", containsString("no-such-extract.osm.pbf"));
  }
}
