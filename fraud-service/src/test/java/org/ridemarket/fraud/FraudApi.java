package org.ridemarket.fraud;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Locale;
import java.util.UUID;
import org.ridemarket.fraud.rest.ScoreRequest;

/** Requests to the service under test, with the test profile's API keys. */
public final class FraudApi {

  /** A gateway key of the %test profile. */
  public static final String GATEWAY_KEY = "test-gateway-key";
  /** The gateway key the %test profile holds only as a SHA-256 digest. */
  public static final String HASHED_GATEWAY_KEY = "hashed-gateway-key";
  /** The analyst key of the %test profile. */
  public static final String ANALYST_KEY = "test-analyst-key";

  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

  private FraudApi() {
  }

  /** Ids no other test uses: {@code <prefix>-<random>}. */
  public static String fresh(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
  }

  /** A score request body for a trip fare in Midtown, without eventTime. */
  public static String body(String transactionId, String card, String user, String device, long amountMinor) {
    return body(transactionId, card, user, device, amountMinor, 40.7549, -73.9840);
  }

  /** A score request body for a trip fare at a position, without eventTime. */
  public static String body(String transactionId, String card, String user, String device, long amountMinor,
      double lat, double lon) {
    return String.format(Locale.ROOT, """
        {"transactionId": "%s", "cardFingerprint": "%s", "userId": "%s", "deviceId": "%s",
         "amountMinor": %d, "currency": "USD", "location": {"lat": %f, "lon": %f}, "tripId": "trip-1"}
        """, transactionId, card, user, device, amountMinor, lat, lon);
  }

  /** A body as the service binds it, e.g. to compute its payload hash. */
  public static ScoreRequest scoreRequest(String body) {
    try {
      return JSON.readValue(body, ScoreRequest.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(body, e);
    }
  }

  /** POST /payments/score with a raw body and the gateway key. */
  public static ValidatableResponse score(String body) {
    return given().contentType(ContentType.JSON).header("X-Api-Key", GATEWAY_KEY).body(body)
        .when().post("/payments/score").then();
  }

  /** POST /reviews/{id}/{action} with a raw body and the analyst key. */
  public static ValidatableResponse review(String transactionId, String action, String body) {
    return given().contentType(ContentType.JSON).header("X-Api-Key", ANALYST_KEY).body(body)
        .when().post("/reviews/{id}/" + action, transactionId).then();
  }
}
