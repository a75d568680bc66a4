package org.ridemarket.pricing.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ridemarket.pricing.FeatureHashes;
import org.ridemarket.pricing.SurgeModelTestResource;
import org.ridemarket.stack.LocalStackTestResource;

@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
@WithTestResource(SurgeModelTestResource.class)
class SurgeResourceTest {

  @ConfigProperty(name = "redis.url")
  String redisUrl;

  @Test
  void shouldMapTheMultiplierOfEachCellInTheBox() {
    // South of every other test's pickups, so that no other busy cell falls in the box.
    double[] pickup = {40.62, -73.95};
    String busy = FeatureHashes.cellOf(pickup[0], pickup[1]);
    try (FeatureHashes hashes = new FeatureHashes(redisUrl)) {
      hashes.busy(busy);
    }

    JsonPath map = surge(pickup[0] - 0.004, pickup[1] - 0.005, pickup[0] + 0.004, pickup[1] + 0.005)
        .statusCode(200).extract().jsonPath();

    List<Map<String, Object>> cells = map.getList("cells");
    assertThat(cells).hasSizeGreaterThan(1);
    assertThat(cells).filteredOn(cell -> cell.get("cell").equals(busy)).singleElement()
        .satisfies(cell -> {
          assertThat(((Number) cell.get("surgeMultiplier")).doubleValue()).isGreaterThan(1.0);
          assertThat(cell.get("surgeSource")).isEqualTo("MODEL");
        });
    assertThat(cells).filteredOn(cell -> !cell.get("cell").equals(busy))
        .allSatisfy(cell -> assertThat(cell.get("surgeSource")).isEqualTo("CALM_CELL"));
    assertThat(map.getBoolean("degraded")).isFalse();
    assertThat(map.getString("modelVersion")).isEqualTo("surge:test-1");
  }

  @Test
  void shouldRefuseABoxTooLarge() {
    surge(40.5, -74.3, 41.0, -73.6).statusCode(400).body("errors[0].field", equalTo("box"));
  }

  @Test
  void shouldRefuseAnInvertedBox() {
    surge(40.76, -73.99, 40.75, -73.98).statusCode(400).body("errors[0].field", equalTo("maxLat"));
  }

  @Test
  void shouldNameAMissingOrInvalidBound() {
    given().queryParam("minLat", 40.75).queryParam("minLon", -73.99).queryParam("maxLat", 95)
        .when().get("/surge")
        .then().statusCode(400)
        .body("errors.field", hasItem("maxLon"))
        .body("errors.field", hasItem("maxLat"));
  }

  private static ValidatableResponse surge(double minLat, double minLon, double maxLat,
      double maxLon) {
    return given().queryParam("minLat", minLat).queryParam("minLon", minLon)
        .queryParam("maxLat", maxLat).queryParam("maxLon", maxLon)
        .when().get("/surge").then();
  }
}
