package org.ridemarket.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.uber.h3core.H3Core;
import com.uber.h3core.exceptions.H3Exception;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.geo.Cells;

class CellTraceTest {

  private static final H3Core H3 = Cells.h3();

  /** Places the shortcut must hold at: Midtown, the equator, the south, the far north, either side of 180°. */
  private static final double[][] PLACES = {
      {40.7475, -73.9878}, {0.2, 9.4}, {-33.9, 18.4}, {69.6, 18.9}, {-16.5, 179.99}, {52.5, 13.4}};

  @Test
  void shouldCrossTheSameCellsWithTheSameMetresAsLookingUpEveryPiece() {
    SplittableRandom random = new SplittableRandom(7);
    int paths = 0;
    for (double step : new double[] {CellTrace.DEFAULT_STEP_METRES, 17, 600}) {
      CellTrace trace = new CellTrace(step);
      for (double[] place : PLACES) {
        for (int i = 0; i < 300; i++) {
          // Road-like paths (many legs of metres to a few hundred metres) and straight lines up to 12 km.
          List<GeoPoint> path = i % 3 == 0 ? straightLine(random, place) : roadLike(random, place);
          GeoPoint origin = offset(path.get(0), random, 40);
          GeoPoint destination = offset(path.get(path.size() - 1), random, 40);
          double scale = i % 2 == 0 ? 1.0 : 1.3;
          assertThat(trace.crossings(origin, path, destination, scale))
              .as("path %s with a step of %s m", path, step)
              .isEqualTo(lookingUpEveryPiece(step, origin, path, destination, scale));
          paths++;
        }
      }
    }
    assertThat(paths).isEqualTo(3 * PLACES.length * 300);
  }

  @Test
  void shouldBoundTheStraightLinesDistanceFromTheGreatCircle() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 200_000; i++) {
      GeoPoint from = GeoPoint.of(-79.9 + random.nextDouble() * 159.8, -179 + random.nextDouble() * 358);
      double metres = random.nextDouble() * CellTrace.STRAIGHT_LEG_METRES * 1.05;
      GeoPoint to = destination(from, random.nextDouble() * 2 * Math.PI, metres);
      double legMetres = GreatCircle.metres(from, to);
      double margin = CellTrace.straightLineMargin(from, to, legMetres);
      if (Double.isInfinite(margin)) {
        continue;
      }
      double fraction = random.nextDouble();
      GeoPoint straight = GeoPoint.of(from.lat() + fraction * (to.lat() - from.lat()),
          from.lon() + fraction * (to.lon() - from.lon()));
      assertThat(GreatCircle.metres(straight, GreatCircle.interpolate(from, to, fraction)))
          .as("a leg of %.0f m from %s to %s at %.3f", legMetres, from, to, fraction)
          .isLessThan(margin - 1);
    }
  }

  @Test
  void shouldRefuseTheShortcutWhereTheStraightLineIsNoGuide() {
    GeoPoint west = GeoPoint.of(-16.5, 179.99);
    GeoPoint east = GeoPoint.of(-16.5, -179.99);
    assertThat(CellTrace.straightLineMargin(west, east, GreatCircle.metres(west, east))).isInfinite();
    GeoPoint north = GeoPoint.of(80.5, 10);
    GeoPoint alsoNorth = GeoPoint.of(80.5, 10.01);
    assertThat(CellTrace.straightLineMargin(north, alsoNorth, GreatCircle.metres(north, alsoNorth))).isInfinite();
    GeoPoint a = GeoPoint.of(40.70, -74.0);
    GeoPoint b = GeoPoint.of(40.80, -74.0);
    assertThat(CellTrace.straightLineMargin(a, b, GreatCircle.metres(a, b))).isInfinite();
  }

  @Test
  void shouldKeepEachInnerDiscInsideItsCell() {
    SplittableRandom random = new SplittableRandom(13);
    for (double[] place : PLACES) {
      long centre = H3.latLngToCell(place[0], place[1], Cells.RESOLUTION);
      for (long cell : H3.gridDisk(centre, 3)) {
        CellTrace.InnerDisc disc = CellTrace.InnerDisc.of(cell);
        assertThat(CellTrace.InnerDisc.of(cell)).as("the kept disc").isSameAs(disc);
        assertThat(disc.cell).isEqualTo(cell);
        assertThat(disc.radius()).isEqualTo(new CellTrace.InnerDisc(cell).radius());
        // A res-8 hexagon's edge is 0.4-0.6 km: its inscribed circle is most of that.
        assertThat(disc.radius()).isBetween(300.0, 600.0);
        var middle = H3.cellToLatLng(cell);
        for (int i = 0; i < 2_000; i++) {
          // Points near the disc's rim, where a wrong radius would show.
          GeoPoint point = destination(GeoPoint.of(middle.lat, middle.lng), random.nextDouble() * 2 * Math.PI,
              disc.radius() * (0.9 + 0.1 * random.nextDouble()));
          if (disc.surelyContains(point.lat(), point.lon(), 0.05)) {
            assertThat(H3.latLngToCell(point.lat(), point.lon(), Cells.RESOLUTION)).isEqualTo(cell);
          }
        }
        GeoPoint outside = destination(GeoPoint.of(middle.lat, middle.lng), 1.0, disc.radius() + 1);
        assertThat(disc.surelyContains(outside.lat(), outside.lon(), 0)).isFalse();
      }
    }
  }

  // The trace as it was before the shortcut: every piece's great-circle midpoint looked up in H3.
  private static List<CellCrossing> lookingUpEveryPiece(double step, GeoPoint origin, List<GeoPoint> path,
      GeoPoint destination, double scale) {
    List<Long> cells = new ArrayList<>();
    List<Double> metres = new ArrayList<>();
    add(cells, metres, cellOf(origin), 0);
    for (int i = 1; i < path.size(); i++) {
      GeoPoint from = path.get(i - 1);
      GeoPoint to = path.get(i);
      double legMetres = GreatCircle.metres(from, to);
      int pieces = (int) Math.max(1, Math.ceil(legMetres / step));
      double pieceMetres = legMetres * scale / pieces;
      for (int k = 0; k < pieces; k++) {
        add(cells, metres, cellOf(GreatCircle.interpolate(from, to, (k + 0.5) / pieces)), pieceMetres);
      }
    }
    add(cells, metres, cellOf(destination), 0);
    List<CellCrossing> crossings = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      crossings.add(new CellCrossing(H3.h3ToString(cells.get(i)), metres.get(i)));
    }
    return crossings;
  }

  private static void add(List<Long> cells, List<Double> metres, long cell, double pieceMetres) {
    int last = cells.size() - 1;
    if (last >= 0 && cells.get(last) == cell) {
      metres.set(last, metres.get(last) + pieceMetres);
      return;
    }
    if (last >= 0 && !H3.areNeighborCells(cells.get(last), cell)) {
      try {
        List<Long> between = H3.gridPathCells(cells.get(last), cell);
        for (long bridge : between.subList(1, between.size() - 1)) {
          cells.add(bridge);
          metres.add(0.0);
        }
      } catch (H3Exception e) {
        // no grid path across a pentagon: the trace leaves the gap too
      }
    }
    cells.add(cell);
    metres.add(pieceMetres);
  }

  private static long cellOf(GeoPoint point) {
    return H3.latLngToCell(point.lat(), point.lon(), Cells.RESOLUTION);
  }

  private static List<GeoPoint> roadLike(SplittableRandom random, double[] place) {
    List<GeoPoint> path = new ArrayList<>();
    GeoPoint at = offset(GeoPoint.of(place[0], place[1]), random, 2_000);
    path.add(at);
    double bearing = random.nextDouble() * 2 * Math.PI;
    for (int legs = 1 + random.nextInt(60); legs > 0; legs--) {
      bearing += random.nextDouble() < 0.2 ? (random.nextBoolean() ? 1 : -1) * Math.PI / 2 : 0;
      at = destination(at, bearing + random.nextGaussian() * 0.02, random.nextDouble() * 300);
      path.add(at);
    }
    return path;
  }

  private static List<GeoPoint> straightLine(SplittableRandom random, double[] place) {
    GeoPoint from = offset(GeoPoint.of(place[0], place[1]), random, 2_000);
    return List.of(from, destination(from, random.nextDouble() * 2 * Math.PI, random.nextDouble() * 12_000));
  }

  private static GeoPoint offset(GeoPoint point, SplittableRandom random, double maxMetres) {
    return destination(point, random.nextDouble() * 2 * Math.PI, random.nextDouble() * maxMetres);
  }

  // The point at a distance and initial bearing (radians, clockwise from north) on the sphere; longitudes wrap.
  private static GeoPoint destination(GeoPoint from, double bearing, double metres) {
    double angle = metres / GreatCircle.EARTH_RADIUS_METRES;
    double lat1 = Math.toRadians(from.lat());
    double lon1 = Math.toRadians(from.lon());
    double lat2 = Math.asin(Math.sin(lat1) * Math.cos(angle) + Math.cos(lat1) * Math.sin(angle) * Math.cos(bearing));
    double lon2 = lon1 + Math.atan2(Math.sin(bearing) * Math.sin(angle) * Math.cos(lat1),
        Math.cos(angle) - Math.sin(lat1) * Math.sin(lat2));
    double lon = Math.toDegrees(lon2);
    lon = ((lon + 540) % 360) - 180;
    return GeoPoint.of(Math.toDegrees(lat2), lon);
  }
}
