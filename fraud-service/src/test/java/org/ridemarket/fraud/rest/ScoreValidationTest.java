package org.ridemarket.fraud.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.ridemarket.fraud.FraudApi;
import org.ridemarket.stack.LocalStackTestResource;

@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class ScoreValidationTest {

  private static String valid() {
    return FraudApi.body(FraudApi.fresh("tx"), "fp-v", "rider-v", "dev-v", 1850);
  }

  @Test
  void shouldNameMissingAndBlankIds() {
    FraudApi.score("""
        {"transactionId": " ", "userId": "rider-v", "deviceId": "dev-v", "amountMinor": 100, "currency": "USD",
         "location": {"lat": 40.75, "lon": -73.98}}
        """)
        .statusCode(400)
        .body("status", equalTo(400))
        .body("errors.field", hasItem("transactionId"))
        .body("errors.field", hasItem("cardFingerprint"));
  }

  @Test
  void shouldRefuseANonPositiveAmount() {
    FraudApi.score(valid().replace("\"amountMinor\": 1850", "\"amountMinor\": 0")).statusCode(400)
        .body("errors.field", hasItem("amountMinor"));
    FraudApi.score(valid().replace("\"amountMinor\": 1850", "\"amountMinor\": -5")).statusCode(400)
        .body("errors.field", hasItem("amountMinor"));
  }

  @Test
  void shouldRefuseACurrencyThatIsNotThreeUpperCaseLetters() {
    FraudApi.score(valid().replace("\"USD\"", "\"usd\"")).statusCode(400)
        .body("errors.find { it.field == 'currency' }.message", containsString("ISO 4217"));
    FraudApi.score(valid().replace("\"USD\"", "\"DOLLAR\"")).statusCode(400).body("errors.field", hasItem("currency"));
  }

  @Test
  void shouldNameCoordinatesOutOfRange() {
    FraudApi.score(FraudApi.body(FraudApi.fresh("tx"), "fp", "u", "d", 100, 91, -73.98)).statusCode(400)
        .body("errors.field", hasItem("location.lat"));
    FraudApi.score(FraudApi.body(FraudApi.fresh("tx"), "fp", "u", "d", 100, 40.75, -181)).statusCode(400)
        .body("errors.field", hasItem("location.lon"));
  }

  @Test
  void shouldRefuseAMerchantAndATripTogether() {
    FraudApi.score(valid().replace("\"tripId\"", "\"merchantId\": \"m-1\", \"tripId\"")).statusCode(400)
        .body("errors.field", hasItem("tripId"))
        .body("errors.find { it.field == 'tripId' }.message", containsString("merchantId"));
  }

  @Test
  void shouldAcceptAPaymentWithNeitherMerchantNorTrip() {
    FraudApi.score(valid().replace(", \"tripId\": \"trip-1\"", "")).statusCode(200);
  }

  @Test
  void shouldNameAFieldOfTheWrongTypeWithoutRepeatingIt() {
    FraudApi.score(valid().replace("\"amountMinor\": 1850", "\"amountMinor\": \"lots\"")).statusCode(400)
        .body("errors[0].field", equalTo("amountMinor"))
        .body("errors[0].message", equalTo("must be a number"));
    FraudApi.score(valid().replace("\"tripId\"", "\"eventTime\": \"yesterday\", \"tripId\"")).statusCode(400)
        .body("errors[0].field", equalTo("eventTime"));
  }

  @Test
  void shouldRefuseMalformedJsonAndAMissingBody() {
    FraudApi.score("{\"transactionId\": \"tx-1\", ").statusCode(400)
        .body("title", equalTo("malformed JSON")).body("errors[0].field", equalTo("body"));
    FraudApi.score("").statusCode(400).body("errors.field", hasItem("body"));
  }
}
