package org.ridemarket.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.ridemarket.routing.MidtownPlaces.GRAND_CENTRAL;
import static org.ridemarket.routing.MidtownPlaces.HUDSON_YARDS;
import static org.ridemarket.routing.MidtownPlaces.PENN_STATION;
import static org.ridemarket.routing.MidtownPlaces.TIMES_SQUARE;
import static org.ridemarket.routing.MidtownPlaces.UN_HEADQUARTERS;
import static org.ridemarket.routing.MidtownPlaces.assertContiguousCells;
import static org.ridemarket.routing.MidtownPlaces.haversineMetres;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.geo.Cells;

class MapFreeRouterTest {

  private static final Instant DEPARTURE = Instant.parse("2026-11-02T22:00:00Z");
  private static final Offset<Double> MILLIMETRE = within(1e-3);

  @Test
  void shouldMultiplyTheGreatCircleByTheDetourFactor() {
    Route route = new MapFreeRouter().route(PENN_STATION, GRAND_CENTRAL, DEPARTURE);
    Route longer = new MapFreeRouter(1.5, CellSpeeds.defaults(), 9.5, 50).route(PENN_STATION, GRAND_CENTRAL, DEPARTURE);

    double greatCircle = haversineMetres(PENN_STATION, GRAND_CENTRAL);
    assertThat(greatCircle).isBetween(1_300.0, 1_500.0);
    assertThat(route.distanceMetres()).isCloseTo(greatCircle * 1.3, MILLIMETRE);
    assertThat(longer.distanceMetres()).isCloseTo(greatCircle * 1.5, MILLIMETRE);
    assertThat(route.path()).containsExactly(PENN_STATION, GRAND_CENTRAL);
  }

  @Test
  void shouldTimeTheRouteAtTheConstantSpeed() {
    Route route = new MapFreeRouter(CellSpeeds.constant(5.0)).route(TIMES_SQUARE, UN_HEADQUARTERS, DEPARTURE);

    assertThat(route.durationSeconds()).isCloseTo(route.distanceMetres() / 5.0, within(1e-6));
  }

  @Test
  void shouldListTheCrossedCellsInOrderFromOriginToDestination() {
    Route route = new MapFreeRouter().route(HUDSON_YARDS, UN_HEADQUARTERS, DEPARTURE);

    assertContiguousCells(route, HUDSON_YARDS, UN_HEADQUARTERS);
    assertThat(route.cells()).hasSizeGreaterThanOrEqualTo(5);
    // a straight line enters each (convex) cell once
    assertThat(new HashSet<>(route.cells())).hasSameSizeAs(route.cells());
    assertThat(route.distinctCells()).isEqualTo(route.cells());
  }

  @Test
  void shouldListTheCellsInReverseForTheReverseTrip() {
    MapFreeRouter router = new MapFreeRouter();

    List<String> there = new ArrayList<>(router.route(HUDSON_YARDS, UN_HEADQUARTERS, DEPARTURE).cells());
    List<String> back = router.route(UN_HEADQUARTERS, HUDSON_YARDS, DEPARTURE).cells();

    Collections.reverse(there);
    assertThat(back).containsExactlyElementsOf(there);
  }

  @Test
  void shouldShareTheDistanceAmongTheCrossedCells() {
    Route route = new MapFreeRouter().route(HUDSON_YARDS, UN_HEADQUARTERS, DEPARTURE);

    double sum = route.crossings().stream().mapToDouble(CellCrossing::metres).sum();
    assertThat(sum).isCloseTo(route.distanceMetres(), MILLIMETRE);
    assertThat(route.crossings().subList(1, route.crossings().size() - 1))
        .allSatisfy(crossing -> assertThat(crossing.metres()).isPositive());
  }

  @Test
  void shouldTakeLongerWhenACrossedCellIsSlower() {
    String slowCell = new MapFreeRouter().route(HUDSON_YARDS, UN_HEADQUARTERS, DEPARTURE).cells().get(2);
    CellSpeeds congested = cell -> cell.equals(slowCell) ? 2.0 : 9.5;

    Route free = new MapFreeRouter(CellSpeeds.constant(9.5)).route(HUDSON_YARDS, UN_HEADQUARTERS, DEPARTURE);
    Route slow = new MapFreeRouter(congested).route(HUDSON_YARDS, UN_HEADQUARTERS, DEPARTURE);

    double slowMetres = slow.crossings().get(2).metres();
    assertThat(slow.durationSeconds()).isGreaterThan(free.durationSeconds());
    assertThat(slow.durationSeconds() - free.durationSeconds())
        .isCloseTo(slowMetres / 2.0 - slowMetres / 9.5, within(1e-6));
    assertThat(slow.distanceMetres()).isEqualTo(free.distanceMetres());
  }

  @Test
  void shouldUseTheDefaultSpeedWhereACellsSpeedIsUnknown() {
    CellSpeeds unknown = cell -> Double.NaN;

    Route route = new MapFreeRouter(1.3, unknown, 4.0, 50).route(PENN_STATION, GRAND_CENTRAL, DEPARTURE);

    assertThat(route.durationSeconds()).isCloseTo(route.distanceMetres() / 4.0, within(1e-6));
  }

  @Test
  void shouldGiveZeroForTheSamePoint() {
    Route route = new MapFreeRouter().route(TIMES_SQUARE, TIMES_SQUARE, DEPARTURE);

    assertThat(route.distanceMetres()).isZero();
    assertThat(route.durationSeconds()).isZero();
    assertThat(route.cells()).containsExactly(Cells.cellOf(TIMES_SQUARE.lat(), TIMES_SQUARE.lon()));
  }

  @Test
  void shouldKeepTheCellsContiguousWithASamplingStepLongerThanACell() {
    GeoPoint harlem = GeoPoint.of(40.8116, -73.9465);

    Route route = new MapFreeRouter(1.3, CellSpeeds.defaults(), 9.5, 2_000).route(PENN_STATION, harlem, DEPARTURE);

    assertContiguousCells(route, PENN_STATION, harlem);
  }

  @Test
  void shouldRefuseADetourFactorBelowOne() {
    assertThatThrownBy(() -> new MapFreeRouter(0.9, CellSpeeds.defaults(), 9.5, 50))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("detourFactor");
  }
}
