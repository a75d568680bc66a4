package org.ridemarket.eta;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Locale;
import org.ridemarket.routing.GeoPoint;

/** Requests to the service under test, and places in Midtown (inside the project's OSM extract). */
public final class EtaApi {

  public static final GeoPoint PENN_STATION = GeoPoint.of(40.7506, -73.9935);
  public static final GeoPoint GRAND_CENTRAL = GeoPoint.of(40.7527, -73.9772);
  public static final GeoPoint TIMES_SQUARE = GeoPoint.of(40.7580, -73.9855);
  public static final GeoPoint EMPIRE_STATE = GeoPoint.of(40.7484, -73.9857);
  public static final GeoPoint HUDSON_YARDS = GeoPoint.of(40.7538, -74.0020);
  public static final GeoPoint UN_HEADQUARTERS = GeoPoint.of(40.7489, -73.9680);
  /** Brooklyn: valid coordinates off the Midtown map. */
  public static final GeoPoint PROSPECT_PARK = GeoPoint.of(40.6602, -73.9690);
  public static final GeoPoint BARCLAYS_CENTER = GeoPoint.of(40.6826, -73.9754);

  private EtaApi() {
  }

  /** A request body from origin to destination, departing now, without a trip id. */
  public static String body(GeoPoint origin, GeoPoint destination) {
    return String.format(Locale.ROOT, """
        {"origin": {"lat": %f, "lon": %f}, "destination": {"lat": %f, "lon": %f}}
        """, origin.lat(), origin.lon(), destination.lat(), destination.lon());
  }

  /** A request body for a trip, departing now. */
  public static String body(GeoPoint origin, GeoPoint destination, String tripId) {
    return String.format(Locale.ROOT, """
        {"origin": {"lat": %f, "lon": %f}, "destination": {"lat": %f, "lon": %f}, "tripId": "%s"}
        """, origin.lat(), origin.lon(), destination.lat(), destination.lon(), tripId);
  }

  /** POST /eta with a raw body. */
  public static ValidatableResponse post(String body) {
    return given().contentType(ContentType.JSON).body(body).when().post("/eta").then();
  }

  /** POST /eta from origin to destination, expecting an ETA. */
  public static ValidatableResponse eta(GeoPoint origin, GeoPoint destination) {
    return post(body(origin, destination)).statusCode(200);
  }
}
