package org.ridemarket.models.eta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ridemarket.routing.GeoPoint;
import org.ridemarket.simulator.city.CityBox;

/**
 * The NYC TLC taxi zones as points: each zone's polygon centroid (area-weighted over its parts, holes
 * subtracted), from the TLC's GeoJSON ({@code taxi_zones.geojson}, WGS84, zone id in property
 * {@code LocationID}). The TLC trip records name zones, not coordinates, so a zone's centroid stands in for
 * every pick-up and drop-off in it.
 */
public final class TaxiZones {

  private final Map<Integer, GeoPoint> centroids;

  private TaxiZones(Map<Integer, GeoPoint> centroids) {
    this.centroids = centroids;
  }

  /** Reads the zones of a GeoJSON feature collection. */
  public static TaxiZones read(Path geojson) throws IOException {
    return of(new ObjectMapper().readTree(geojson.toFile()));
  }

  /** The zones of a parsed GeoJSON feature collection; features without a polygon are left out. */
  public static TaxiZones of(JsonNode collection) {
    Map<Integer, GeoPoint> centroids = new TreeMap<>();
    for (JsonNode feature : collection.path("features")) {
      JsonNode geometry = feature.path("geometry");
      int id = feature.path("properties").path("LocationID").asInt(-1);
      List<JsonNode> polygons = new ArrayList<>();
      switch (geometry.path("type").asText()) {
        case "Polygon" -> polygons.add(geometry.path("coordinates"));
        case "MultiPolygon" -> geometry.path("coordinates").forEach(polygons::add);
        default -> {
          continue;
        }
      }
      JsonNode reference = polygons.get(0).path(0).path(0);
      // area, then area-weighted lon and lat, relative to the reference vertex
      double[] sums = new double[3];
      polygons.forEach(polygon -> addPolygon(polygon, reference.path(0).asDouble(), reference.path(1).asDouble(), sums));
      if (id >= 0 && sums[0] > 0) {
        centroids.put(id, GeoPoint.of(reference.path(1).asDouble() + sums[2] / sums[0],
            reference.path(0).asDouble() + sums[1] / sums[0]));
      }
    }
    return new TaxiZones(centroids);
  }

  /** The zone's centroid, or null for an unknown zone. */
  public GeoPoint centroid(int locationId) {
    return centroids.get(locationId);
  }

  /** Whether the zone is known and its centroid lies inside {@code box}. */
  public boolean inside(int locationId, CityBox box) {
    GeoPoint centroid = centroids.get(locationId);
    return centroid != null && box.contains(centroid.lat(), centroid.lon());
  }

  /** Zones known. */
  public int size() {
    return centroids.size();
  }

  // Shoelace over lon/lat: a zone spans a few kilometres, and a centroid is invariant under the affine
  // stretch that would make degrees of longitude and latitude equal, so planar degrees are exact enough.
  // Coordinates are taken relative to the zone's first vertex: products of raw degrees (~3,000) would
  // cancel away the digits of areas of 1e-4 square degrees.
  private static void addPolygon(JsonNode rings, double refLon, double refLat, double[] sums) {
    for (int r = 0; r < rings.size(); r++) {
      JsonNode ring = rings.get(r);
      double area = 0;
      double lon = 0;
      double lat = 0;
      for (int i = 0; i + 1 < ring.size(); i++) {
        double x0 = ring.get(i).get(0).asDouble() - refLon;
        double y0 = ring.get(i).get(1).asDouble() - refLat;
        double x1 = ring.get(i + 1).get(0).asDouble() - refLon;
        double y1 = ring.get(i + 1).get(1).asDouble() - refLat;
        double cross = x0 * y1 - x1 * y0;
        area += cross;
        lon += (x0 + x1) * cross;
        lat += (y0 + y1) * cross;
      }
      // whatever the winding, the first ring adds and the holes after it subtract
      double sign = Math.signum(area) * (r == 0 ? 1 : -1);
      sums[0] += sign * area / 2;
      sums[1] += sign * lon / 6;
      sums[2] += sign * lat / 6;
    }
  }
}
