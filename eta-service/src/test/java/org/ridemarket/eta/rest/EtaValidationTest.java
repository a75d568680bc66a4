package org.ridemarket.eta.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.ridemarket.eta.EtaApi;
import org.ridemarket.eta.EtaModelTestResource;
import org.ridemarket.stack.LocalStackTestResource;

@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
@WithTestResource(EtaModelTestResource.class)
class EtaValidationTest {

  @Test
  void shouldNameALatitudeOutOfRange() {
    EtaApi.post("""
        {"origin": {"lat": 91.0, "lon": -73.99}, "destination": {"lat": 40.75, "lon": -73.98}}
        """)
        .statusCode(400)
        .body("status", equalTo(400))
        .body("errors.field", hasItem("origin.lat"))
        .body("errors.find { it.field == 'origin.lat' }.message", containsString("90"));
  }

  @Test
  void shouldNameEveryMissingOrInvalidField() {
    EtaApi.post("""
        {"origin": {"lat": 40.75, "lon": -190}, "destination": {"lat": 40.76}}
        """)
        .statusCode(400)
        .body("errors.field", hasItem("origin.lon"))
        .body("errors.field", hasItem("destination.lon"));
  }

  @Test
  void shouldNameAMissingDestination() {
    EtaApi.post("""
        {"origin": {"lat": 40.75, "lon": -73.99}}
        """)
        .statusCode(400)
        .body("errors.field", hasItem("destination"))
        .body("errors.find { it.field == 'destination' }.message", equalTo("must not be null"));
  }

  @Test
  void shouldRefuseTheSamePlaceAsOriginAndDestination() {
    EtaApi.post(EtaApi.body(EtaApi.PENN_STATION, EtaApi.PENN_STATION))
        .statusCode(400)
        .body("errors[0].field", equalTo("destination"))
        .body("errors[0].message", containsString("at least 10 m"));
  }

  @Test
  void shouldRefuseATripTooLong() {
    EtaApi.post("""
        {"origin": {"lat": 40.75, "lon": -73.98}, "destination": {"lat": 42.36, "lon": -71.06}}
        """)
        .statusCode(400)
        .body("errors[0].field", equalTo("destination"))
        .body("errors[0].message", containsString("km"));
  }

  @Test
  void shouldRefuseADepartureTooFarAhead() {
    post(Instant.now().plus(Duration.ofDays(8)).toString())
        .statusCode(400)
        .body("errors[0].field", equalTo("departureTime"))
        .body("errors[0].message", containsString("ahead"));
  }

  @Test
  void shouldRefuseADepartureLongPast() {
    post(Instant.now().minus(Duration.ofHours(2)).toString())
        .statusCode(400)
        .body("errors[0].field", equalTo("departureTime"))
        .body("errors[0].message", containsString("in the past"));
  }

  @Test
  void shouldAcceptADepartureWithinTheLimits() {
    post(Instant.now().plus(Duration.ofHours(3)).toString())
        .statusCode(200)
        .body("departureTime", containsString("T"));
  }

  @Test
  void shouldNameADepartureThatIsNotAnInstant() {
    post("tomorrow morning")
        .statusCode(400)
        .body("errors[0].field", equalTo("departureTime"));
  }

  @Test
  void shouldNameATripIdWithSpaces() {
    EtaApi.post(EtaApi.body(EtaApi.PENN_STATION, EtaApi.GRAND_CENTRAL, "trip 42"))
        .statusCode(400)
        .body("errors.field", hasItem("tripId"));
  }

  @Test
  void shouldRefuseMalformedJson() {
    EtaApi.post("{\"origin\": {\"lat\": 40.75,")
        .statusCode(400)
        .body("title", equalTo("malformed JSON"))
        .body("errors[0].field", equalTo("body"))
        .body("errors[0].message", containsString("is not valid JSON"));
  }

  @Test
  void shouldNameAFieldOfTheWrongType() {
    EtaApi.post("""
        {"origin": {"lat": "north", "lon": -73.98}, "destination": {"lat": 40.76, "lon": -73.97}}
        """)
        .statusCode(400)
        .body("errors[0].field", equalTo("origin.lat"));
  }

  @Test
  void shouldRefuseAMissingBody() {
    EtaApi.post("").statusCode(400).body("errors.field", hasItem("body"));
  }

  private static io.restassured.response.ValidatableResponse post(String departureTime) {
    return EtaApi.post(String.format("""
        {"origin": {"lat": 40.7506, "lon": -73.9935}, "destination": {"lat": 40.7527, "lon": -73.9772},
         "departureTime": "%s"}
        """, departureTime));
  }
}
