package org.ridemarket.simulator.drivers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.uber.h3core.util.LatLng;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.ridemarket.contracts.geo.Cells;
import org.ridemarket.simulator.city.CityBox;
import org.ridemarket.simulator.city.CityCells;
import org.ridemarket.simulator.clock.SimClock;

/**
 * The surge map of a live pricing-service ({@code GET /surge} over the city), fetched again once
 * per refresh period of simulated time, as a driver app polls its map. A failed or slow call keeps
 * the last map (drivers keep seeing what their app showed) and is counted; the run goes on.
 */
public final class HttpSurgeMap implements SurgeMap {

  private static final ObjectMapper JSON = new ObjectMapper();
  // Degrees (about 10 m) that put a cell's centre safely inside the box asked for.
  private static final double CENTRE_MARGIN_DEG = 1e-4;

  private final HttpClient client;
  private final URI surge;
  private final Duration timeout;
  private final long refreshMillis;
  private final CityCells cells;
  private final double[] multipliers;
  private boolean asked;
  private long lastAsked;
  private long maps;
  private long degraded;
  private long failed;
  private String lastFailure = "none";

  /** The map of {@code cells} from the pricing-service at {@code baseUrl}, fetched every {@code refresh}. */
  public HttpSurgeMap(URI baseUrl, CityCells cells, Duration refresh, Duration timeout) {
    if (refresh.isNegative() || refresh.isZero()) {
      throw new IllegalArgumentException("surge map refresh must be positive");
    }
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    this.surge = baseUrl.resolve(query(cells));
    this.timeout = timeout;
    this.refreshMillis = refresh.toMillis();
    this.cells = cells;
    this.multipliers = new double[cells.count()];
    Arrays.fill(multipliers, 1.0);
  }

  @Override
  public void refresh(SimClock clock) {
    if (asked && clock.now() - lastAsked < refreshMillis) {
      return;
    }
    // A failed call also waits a full period, so that a service that is down is not asked every tick.
    asked = true;
    lastAsked = clock.now();
    fetch();
  }

  @Override
  public double multiplier(int cell) {
    return multipliers[cell];
  }

  /** One line for the run's summary: maps received, degraded ones, failed calls. */
  public String summary() {
    return "surge map: " + maps + " maps from " + surge + " (" + degraded + " degraded), " + failed
        + " failed calls (last: " + lastFailure + ")";
  }

  long maps() {
    return maps;
  }

  long failed() {
    return failed;
  }

  private void fetch() {
    try {
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(surge).timeout(timeout)
          .header("accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body = response.statusCode() / 100 == 2 ? JSON.readTree(response.body()) : null;
      if (body == null || !body.path("cells").isArray()) {
        failure("HTTP " + response.statusCode() + ": " + response.body());
        return;
      }
      // A cell the answer leaves out shows no surge; cells outside the city are not ours to show.
      double[] fresh = new double[multipliers.length];
      Arrays.fill(fresh, 1.0);
      for (JsonNode entry : body.path("cells")) {
        int cell = cells.indexOf(entry.path("cell").asText(""));
        JsonNode multiplier = entry.path("surgeMultiplier");
        if (cell >= 0 && multiplier.isNumber() && Double.isFinite(multiplier.asDouble())) {
          fresh[cell] = multiplier.asDouble();
        }
      }
      System.arraycopy(fresh, 0, multipliers, 0, fresh.length);
      maps++;
      if (body.path("degraded").asBoolean(false)) {
        degraded++;
      }
    } catch (IOException e) {
      failure(e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure("interrupted");
    }
  }

  /**
   * The service answers for the cells whose centre lies in the box (and those under its corners), so the
   * city's edge cells, whose centres lie outside the city box, are asked for with a box stretched to them.
   */
  static String query(CityCells cells) {
    CityBox box = cells.box();
    double minLat = box.minLat();
    double minLon = box.minLon();
    double maxLat = box.maxLat();
    double maxLon = box.maxLon();
    for (int cell = 0; cell < cells.count(); cell++) {
      LatLng centre = Cells.h3().cellToLatLng(cells.address(cell));
      minLat = Math.min(minLat, centre.lat - CENTRE_MARGIN_DEG);
      minLon = Math.min(minLon, centre.lng - CENTRE_MARGIN_DEG);
      maxLat = Math.max(maxLat, centre.lat + CENTRE_MARGIN_DEG);
      maxLon = Math.max(maxLon, centre.lng + CENTRE_MARGIN_DEG);
    }
    return String.format(Locale.ROOT, "/surge?minLat=%.6f&minLon=%.6f&maxLat=%.6f&maxLon=%.6f",
        minLat, minLon, maxLat, maxLon);
  }

  private void failure(String why) {
    failed++;
    lastFailure = why.length() > 200 ? why.substring(0, 200) : why;
  }
}
