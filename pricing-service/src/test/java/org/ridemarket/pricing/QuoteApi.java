package org.ridemarket.pricing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** Requests to the service under test, and pickup points that fall in a different H3 cell for each test. */
public final class QuoteApi {

  private static final AtomicInteger NEXT_POINT = new AtomicInteger();

  private QuoteApi() {
  }

  /** A pickup point in Manhattan no other test uses, as {lat, lon}. */
  public static double[] freshPickup() {
    int i = NEXT_POINT.incrementAndGet();
    // About 1.1 km apart north-south and 0.85 km east-west: more than a resolution-8 cell.
    return new double[] {40.70 + 0.01 * (i % 20), -74.02 + 0.01 * (i / 20)};
  }

  /** A quote request body for a STANDARD ride from {@code pickup} to about 2 km north-east of it. */
  public static String body(double[] pickup) {
    return body("rider-" + NEXT_POINT.get(), pickup[0], pickup[1], pickup[0] + 0.012, pickup[1] + 0.012, "STANDARD");
  }

  /** A quote request body. */
  public static String body(String riderId, double pickupLat, double pickupLon, double dropoffLat, double dropoffLon,
      String product) {
    return String.format(Locale.ROOT, """
        {"riderId": "%s", "pickup": {"lat": %f, "lon": %f}, "dropoff": {"lat": %f, "lon": %f}, "product": "%s"}
        """, riderId, pickupLat, pickupLon, dropoffLat, dropoffLon, product);
  }

  /** POST /quotes with a raw body. */
  public static ValidatableResponse post(String body) {
    return given().contentType(ContentType.JSON).body(body).when().post("/quotes").then();
  }

  /** POST /quotes for a pickup, expecting the quote. */
  public static ValidatableResponse quote(double[] pickup) {
    return post(body(pickup)).statusCode(201);
  }

  /** GET /quotes/{id}. */
  public static ValidatableResponse get(String id) {
    return given().when().get("/quotes/{id}", id).then();
  }
}
