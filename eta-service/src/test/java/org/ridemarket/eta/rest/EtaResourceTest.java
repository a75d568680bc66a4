package org.ridemarket.eta.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.geo.Cells;
import org.ridemarket.eta.CongestionHashes;
import org.ridemarket.eta.EtaApi;
import org.ridemarket.eta.EtaModelFixture;
import org.ridemarket.eta.EtaModelTestResource;
import org.ridemarket.stack.LocalStackTestResource;

@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
@WithTestResource(EtaModelTestResource.class)
class EtaResourceTest {

  // The fixture models learn their residual to within a few hundredths.
  private static final double RESIDUAL_TOLERANCE = 0.03;

  @ConfigProperty(name = "redis.url")
  String redisUrl;

  @Test
  void shouldRouteOnTheMapAndCorrectTheBaselineWithTheThreeModels() {
    JsonPath eta = EtaApi.eta(EtaApi.PENN_STATION, EtaApi.GRAND_CENTRAL).extract().jsonPath();

    assertThat(eta.getString("router")).isEqualTo("graphhopper");
    assertThat(eta.getBoolean("degraded")).isFalse();
    assertThat(eta.getString("modelVersion")).isEqualTo("eta:" + EtaModelTestResource.VERSION);
    // The routing library's own figure for this trip: 2.1 km of one-way streets.
    assertThat(eta.getLong("distanceMeters")).isBetween(1_900L, 2_300L);
    double baseline = eta.getDouble("baselineSeconds");
    assertThat(baseline).isPositive();
    // No congestion hashes: each model answers its level minus the uncongested step.
    assertThat(residual(eta, "etaSeconds")).isCloseTo(EtaModelFixture.POINT_LEVEL - EtaModelFixture.CONGESTION_STEP,
        within(RESIDUAL_TOLERANCE));
    assertThat(residual(eta, "p10Seconds")).isCloseTo(EtaModelFixture.P10_LEVEL - EtaModelFixture.CONGESTION_STEP,
        within(RESIDUAL_TOLERANCE));
    assertThat(residual(eta, "p90Seconds")).isCloseTo(EtaModelFixture.P90_LEVEL - EtaModelFixture.CONGESTION_STEP,
        within(RESIDUAL_TOLERANCE));
    assertThat(eta.getLong("p10Seconds")).isLessThan(eta.getLong("etaSeconds"));
    assertThat(eta.getLong("etaSeconds")).isLessThan(eta.getLong("p90Seconds"));
    assertThat(eta.getString("originCell")).isEqualTo(Cells.cellOf(EtaApi.PENN_STATION.lat(), EtaApi.PENN_STATION.lon()));
    assertThat(eta.getString("predictionId")).isNotBlank();
  }

  @Test
  void shouldFeedTheCrossedCellsCongestionToTheModels() {
    List<String> cells = CongestionHashes.around(EtaApi.TIMES_SQUARE, EtaApi.EMPIRE_STATE, 2);
    try (CongestionHashes hashes = new CongestionHashes(redisUrl)) {
      JsonPath free = EtaApi.eta(EtaApi.TIMES_SQUARE, EtaApi.EMPIRE_STATE).extract().jsonPath();
      hashes.congested(cells, 0.3);

      JsonPath congested = EtaApi.eta(EtaApi.TIMES_SQUARE, EtaApi.EMPIRE_STATE).extract().jsonPath();

      assertThat(congested.getBoolean("degraded")).isFalse();
      assertThat(congested.getDouble("baselineSeconds")).isEqualTo(free.getDouble("baselineSeconds"));
      assertThat(residual(congested, "etaSeconds")).isCloseTo(
          EtaModelFixture.POINT_LEVEL + EtaModelFixture.CONGESTION_STEP, within(RESIDUAL_TOLERANCE));
      assertThat(congested.getLong("etaSeconds")).isGreaterThan(free.getLong("etaSeconds"));
    } finally {
      try (CongestionHashes hashes = new CongestionHashes(redisUrl)) {
        hashes.delete(cells);
      }
    }
  }

  @Test
  void shouldReadAMalformedHashAsAnUnknownCellWithoutDegrading() {
    String originCell = Cells.cellOf(EtaApi.HUDSON_YARDS.lat(), EtaApi.HUDSON_YARDS.lon());
    try (CongestionHashes hashes = new CongestionHashes(redisUrl)) {
      hashes.malformed(originCell);

      JsonPath eta = EtaApi.eta(EtaApi.HUDSON_YARDS, EtaApi.TIMES_SQUARE).extract().jsonPath();

      assertThat(eta.getBoolean("degraded")).isFalse();
      assertThat(residual(eta, "etaSeconds")).isCloseTo(EtaModelFixture.POINT_LEVEL - EtaModelFixture.CONGESTION_STEP,
          within(RESIDUAL_TOLERANCE));
      String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
      assertThat(metrics).containsPattern("eta_features_malformed_total(\\{[^}]*\\})? [1-9]");
      hashes.delete(List.of(originCell));
    }
  }

  @Test
  void shouldAnswerMapFreeForPointsOffTheMap() {
    JsonPath eta = EtaApi.eta(EtaApi.PROSPECT_PARK, EtaApi.BARCLAYS_CENTER).extract().jsonPath();

    assertThat(eta.getString("router")).isEqualTo("map-free");
    assertThat(eta.getBoolean("degraded")).isFalse();
    assertThat(eta.getLong("p10Seconds")).isLessThan(eta.getLong("etaSeconds"));
    assertThat(eta.getLong("etaSeconds")).isLessThan(eta.getLong("p90Seconds"));
  }

  @Test
  void shouldAnswerTheBaselineWithTheWideRangeWhenRedisStalls() {
    try (CongestionHashes hashes = new CongestionHashes(redisUrl)) {
      // Redis holds every client's commands for longer than the read deadline (250 ms in %test).
      hashes.commands().clientPause(1_500);
      JsonPath eta = EtaApi.eta(EtaApi.UN_HEADQUARTERS, EtaApi.GRAND_CENTRAL).extract().jsonPath();
      hashes.commands().ping();

      double baseline = eta.getDouble("baselineSeconds");
      assertThat(eta.getBoolean("degraded")).isTrue();
      assertThat(eta.getString("modelVersion")).isNull();
      assertThat(eta.getString("router")).isEqualTo("graphhopper");
      assertThat(eta.getDouble("etaSeconds")).isCloseTo(baseline, within(0.51));
      assertThat(eta.getDouble("p10Seconds")).isCloseTo(0.7 * baseline, within(1.0));
      assertThat(eta.getDouble("p90Seconds")).isCloseTo(1.6 * baseline, within(1.0));
    }
  }

  private static double residual(JsonPath eta, String field) {
    return Math.log(eta.getDouble(field) / eta.getDouble("baselineSeconds"));
  }
}
