package org.ridemarket.pricing.rest;

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
class QuoteValidationTest {

  @Test
  void shouldNameALatitudeOutOfRange() {
    QuoteApi.post(QuoteApi.body("rider-1", 91.0, -73.98, 40.76, -73.97, "STANDARD"))
        .statusCode(400)
        .body("status", equalTo(400))
        .body("errors.field", hasItem("pickup.lat"))
        .body("errors.find { it.field == 'pickup.lat' }.message", containsString("90"));
  }

  @Test
  void shouldNameAnUnknownProduct() {
    QuoteApi.post(QuoteApi.body("rider-1", 40.75, -73.98, 40.76, -73.97, "BIKE"))
        .statusCode(400)
        .body("errors.field", hasItem("product"))
        .body("errors.find { it.field == 'product' }.message", equalTo("must be one of STANDARD, XL, PREMIUM"));
  }

  @Test
  void shouldRefuseTheUnknownProductSymbol() {
    QuoteApi.post(QuoteApi.body("rider-1", 40.75, -73.98, 40.76, -73.97, "UNKNOWN"))
        .statusCode(400)
        .body("errors.field", hasItem("product"));
  }

  @Test
  void shouldNameAMissingDropoff() {
    QuoteApi.post("""
        {"riderId": "rider-1", "pickup": {"lat": 40.75, "lon": -73.98}, "product": "XL"}
        """)
        .statusCode(400)
        .body("errors.field", hasItem("dropoff"))
        .body("errors.find { it.field == 'dropoff' }.message", equalTo("must not be null"));
  }

  @Test
  void shouldNameEveryInvalidField() {
    QuoteApi.post("""
        {"pickup": {"lat": 40.75, "lon": -190}, "dropoff": {"lat": 40.76}, "product": "XL"}
        """)
        .statusCode(400)
        .body("errors.field", hasItem("riderId"))
        .body("errors.field", hasItem("pickup.lon"))
        .body("errors.field", hasItem("dropoff.lon"));
  }

  @Test
  void shouldRefuseMalformedJson() {
    QuoteApi.post("{\"riderId\": \"rider-1\", \"pickup\": {\"lat\": 40.75,")
        .statusCode(400)
        .body("title", equalTo("malformed JSON"))
        .body("errors[0].field", equalTo("body"))
        .body("errors[0].message", containsString("is not valid JSON"));
  }

  @Test
  void shouldNameAFieldOfTheWrongType() {
    QuoteApi.post("""
        {"riderId": "rider-1", "pickup": {"lat": "north", "lon": -73.98}, "dropoff": {"lat": 40.76, "lon": -73.97},
         "product": "STANDARD"}
        """)
        .statusCode(400)
        .body("errors[0].field", equalTo("pickup.lat"));
  }

  @Test
  void shouldRefuseAMissingBody() {
    QuoteApi.post("").statusCode(400).body("errors.field", hasItem("body"));
  }

  @Test
  void shouldRefuseATripTooLongToQuote() {
    QuoteApi.post(QuoteApi.body("rider-1", 40.75, -73.98, 42.36, -71.06, "STANDARD"))
        .statusCode(400)
        .body("errors[0].field", equalTo("dropoff"))
        .body("errors[0].message", containsString("km"));
  }

  @Test
  void shouldNameAMalformedQuoteId() {
    QuoteApi.get("not-a-uuid").statusCode(400).body("errors[0].field", equalTo("id"));
  }
}
