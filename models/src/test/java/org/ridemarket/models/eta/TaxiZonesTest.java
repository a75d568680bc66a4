package org.ridemarket.models.eta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ridemarket.simulator.city.CityBox;

class TaxiZonesTest {

  // zone 1: a square in Midtown; 2: a square with a hole in its east half; 3: a square in Midtown and an equal one
  // far south-west, centroid between them, outside the box; 4: no geometry
  private static final String GEOJSON = """
      {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"LocationID": 1}, "geometry": {"type": "Polygon", "coordinates": [
          [[-73.99, 40.74], [-73.98, 40.74], [-73.98, 40.75], [-73.99, 40.75], [-73.99, 40.74]]]}},
        {"type": "Feature", "properties": {"LocationID": 2}, "geometry": {"type": "Polygon", "coordinates": [
          [[-74.00, 40.74], [-73.96, 40.74], [-73.96, 40.75], [-74.00, 40.75], [-74.00, 40.74]],
          [[-73.98, 40.742], [-73.98, 40.748], [-73.965, 40.748], [-73.965, 40.742], [-73.98, 40.742]]]}},
        {"type": "Feature", "properties": {"LocationID": 3}, "geometry": {"type": "MultiPolygon", "coordinates": [
          [[[-73.99, 40.74], [-73.98, 40.74], [-73.98, 40.75], [-73.99, 40.75], [-73.99, 40.74]]],
          [[[-74.09, 40.64], [-74.08, 40.64], [-74.08, 40.65], [-74.09, 40.65], [-74.09, 40.64]]]]}},
        {"type": "Feature", "properties": {"LocationID": 4}, "geometry": null}
      ]}
      """;

  @Test
  void shouldFindEachZonesAreaWeightedCentroidWithHolesSubtracted() throws Exception {
    TaxiZones zones = TaxiZones.of(new ObjectMapper().readTree(GEOJSON));

    assertThat(zones.size()).isEqualTo(3);
    assertThat(zones.centroid(1).lat()).isCloseTo(40.745, within(1e-9));
    assertThat(zones.centroid(1).lon()).isCloseTo(-73.985, within(1e-9));
    // 0.04 x 0.01 square centred at -73.98 minus a 0.015 x 0.006 hole centred at -73.9725: pulled west
    double outer = 0.04 * 0.01;
    double hole = 0.015 * 0.006;
    assertThat(zones.centroid(2).lon()).isCloseTo((outer * -73.98 - hole * -73.9725) / (outer - hole), within(1e-9));
    assertThat(zones.centroid(2).lat()).isCloseTo(40.745, within(1e-9));
    assertThat(zones.centroid(3).lat()).isCloseTo(40.695, within(1e-9));
    assertThat(zones.centroid(4)).isNull();
  }

  @Test
  void shouldKeepTripsBetweenTwoZonesInsideTheBoxOfASaneDuration() throws Exception {
    TaxiZones zones = TaxiZones.of(new ObjectMapper().readTree(GEOJSON));
    Instant at = Instant.parse("2019-01-15T14:00:00Z");
    List<TlcTrips.TlcTrip> trips = List.of(
        new TlcTrips.TlcTrip(at, at.plusSeconds(600), 1, 2),     // kept
        new TlcTrips.TlcTrip(at, at.plusSeconds(600), 1, 1),     // same zone
        new TlcTrips.TlcTrip(at, at.plusSeconds(600), 1, 3),     // centroid outside the box
        new TlcTrips.TlcTrip(at, at.plusSeconds(600), 2, 99),    // unknown zone
        new TlcTrips.TlcTrip(at, at.plusSeconds(30), 2, 1),      // too short
        new TlcTrips.TlcTrip(at, at.plusSeconds(3 * 3600), 2, 1)); // too long

    List<CompletedTrip> kept = TlcEvaluation.keep(trips, zones, CityBox.MIDTOWN);

    assertThat(kept).hasSize(1);
    assertThat(kept.get(0).pickup()).isEqualTo(zones.centroid(1));
    assertThat(kept.get(0).dropoff()).isEqualTo(zones.centroid(2));
    assertThat(kept.get(0).durationSeconds()).isEqualTo(600);
    assertThat(kept.get(0).pickedUpAt()).isEqualTo(at.toEpochMilli());
  }
}
