package org.ridemarket.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.ridemarket.routing.MidtownPlaces.EMPIRE_STATE;
import static org.ridemarket.routing.MidtownPlaces.GRAND_CENTRAL;
import static org.ridemarket.routing.MidtownPlaces.HUDSON_YARDS;
import static org.ridemarket.routing.MidtownPlaces.PENN_STATION;
import static org.ridemarket.routing.MidtownPlaces.TIMES_SQUARE;
import static org.ridemarket.routing.MidtownPlaces.UN_HEADQUARTERS;
import static org.ridemarket.routing.MidtownPlaces.assertContiguousCells;
import static org.ridemarket.routing.MidtownPlaces.haversineMetres;
import static org.ridemarket.routing.MidtownPlaces.randomPoint;

import com.graphhopper.GHResponse;
import com.graphhopper.util.Parameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ridemarket.routing.GraphHopperRouter.GraphSource;

/**
 * GraphHopper on the real Midtown extract from {@code shared/data/osm}; skipped when the extract is
 * not beside the project. Graphs are kept under {@code target/}.
 */
class GraphHopperRouterTest {

  private static final Instant DEPARTURE = Instant.parse("2026-11-02T22:00:00Z");
  private static final Path CACHE_ROOT = Path.of("target", "graph-cache-test");

  private static Path extract;
  private static GraphHopperRouter router;

  @BeforeAll
  static void openTheMidtownGraph() {
    extract = OsmExtracts.midtown().orElse(null);
    if (extract != null) {
      router = GraphHopperRouter.open(extract, CACHE_ROOT);
    }
  }

  @BeforeEach
  void skipWithoutTheExtract() {
    // an assumption per test (not in @BeforeAll) so that the report counts each test as skipped
    Assumptions.assumeTrue(router != null, "no Midtown extract at ../../shared/data/osm/" + OsmExtracts.MIDTOWN_FILE
        + " (nor -D" + OsmExtracts.FILE_PROPERTY + " / " + OsmExtracts.FILE_ENV + ")");
  }

  @AfterAll
  static void closeTheGraph() {
    if (router != null) {
      router.close();
    }
  }

  @Test
  void shouldFindRoutesAsShortAsGraphHoppersDefaultSearchDoes() {
    // given random trips in Midtown
    SplittableRandom random = new SplittableRandom(7);
    int compared = 0;
    for (int i = 0; i < 300; i++) {
      GeoPoint origin = randomPoint(random);
      GeoPoint destination = randomPoint(random);

      // when each is searched as the router searches and with GraphHopper's default (A*) on the same hierarchy
      GHResponse ours = router.search(GraphHopperRouter.request(origin, destination));
      GHResponse astar = router.search(GraphHopperRouter.request(origin, destination)
          .setAlgorithm(Parameters.Algorithms.ASTAR_BI));

      // then both find a route or neither does, and the routes weigh the same: both are shortest
      assertThat(ours.hasErrors()).as("trip %s to %s", origin, destination).isEqualTo(astar.hasErrors());
      if (!ours.hasErrors()) {
        assertThat(ours.getBest().getRouteWeight()).as("trip %s to %s", origin, destination)
            .isCloseTo(astar.getBest().getRouteWeight(), within(1e-6 * astar.getBest().getRouteWeight() + 1e-9));
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(250);
  }

  static Stream<Arguments> knownTrips() {
    return Stream.of(
        Arguments.of("Penn Station to Grand Central", PENN_STATION, GRAND_CENTRAL),
        Arguments.of("Times Square to the UN headquarters", TIMES_SQUARE, UN_HEADQUARTERS),
        Arguments.of("Hudson Yards to the Empire State Building", HUDSON_YARDS, EMPIRE_STATE),
        Arguments.of("Grand Central to Penn Station", GRAND_CENTRAL, PENN_STATION));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("knownTrips")
  void shouldDriveFartherThanTheCrowFliesAtACitySpeed(String trip, GeoPoint origin, GeoPoint destination) {
    Route route = router.route(origin, destination, DEPARTURE);

    double greatCircle = haversineMetres(origin, destination);
    assertThat(route.distanceMetres()).isGreaterThan(greatCircle).isLessThan(2.5 * greatCircle);
    double metresPerSecond = route.distanceMetres() / route.durationSeconds();
    assertThat(metresPerSecond).as("average speed").isBetween(3.0, 20.0);
    assertThat(haversineMetres(route.path().get(0), origin)).isLessThan(GraphHopperSettings.DEFAULT_MAX_SNAP_METRES);
    assertThat(haversineMetres(route.path().get(route.path().size() - 1), destination))
        .isLessThan(GraphHopperSettings.DEFAULT_MAX_SNAP_METRES);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("knownTrips")
  void shouldListContiguousCellsAlongTheRoad(String trip, GeoPoint origin, GeoPoint destination) {
    Route route = router.route(origin, destination, DEPARTURE);

    assertContiguousCells(route, origin, destination);
    double cellMetres = route.crossings().stream().mapToDouble(CellCrossing::metres).sum();
    assertThat(cellMetres).isCloseTo(route.distanceMetres(), within(route.distanceMetres() * 0.01));
    assertThat(route.distinctCells()).containsAll(route.cells()).doesNotHaveDuplicates();
  }

  @Test
  void shouldGiveNearlyNothingForTheSamePoint() {
    Route route = router.route(TIMES_SQUARE, TIMES_SQUARE, DEPARTURE);

    assertThat(route.distanceMetres()).isLessThan(1.0);
    assertThat(route.durationSeconds()).isLessThan(1.0);
  }

  @Test
  void shouldRefuseAnOriginOutsideTheExtract() {
    GeoPoint brooklyn = GeoPoint.of(40.6782, -73.9442);

    assertThatThrownBy(() -> router.route(brooklyn, GRAND_CENTRAL, DEPARTURE))
        .isInstanceOfSatisfying(NoRouteException.class,
            e -> assertThat(e.reason()).isEqualTo(NoRouteException.Reason.POINT_OFF_MAP))
        .hasMessageContaining("origin " + brooklyn);
  }

  @Test
  void shouldRefuseADestinationOutsideTheExtract() {
    GeoPoint centralPark = GeoPoint.of(40.7812, -73.9665);

    assertThatThrownBy(() -> router.route(GRAND_CENTRAL, centralPark, DEPARTURE))
        .isInstanceOfSatisfying(NoRouteException.class,
            e -> assertThat(e.reason()).isEqualTo(NoRouteException.Reason.POINT_OFF_MAP))
        .hasMessageContaining("destination " + centralPark);
  }

  @Test
  void shouldReuseTheGraphCacheOnTheSecondLoad() throws IOException {
    Path root = Path.of("target", "graph-cache-reuse-test");
    deleteRecursively(root);

    Route imported;
    Path directory;
    try (GraphHopperRouter first = GraphHopperRouter.open(extract, root)) {
      assertThat(first.source()).isEqualTo(GraphSource.IMPORTED);
      imported = first.route(PENN_STATION, GRAND_CENTRAL, DEPARTURE);
      directory = first.graphDirectory();
    }
    try (GraphHopperRouter second = GraphHopperRouter.open(extract, root)) {
      assertThat(second.source()).isEqualTo(GraphSource.LOADED_FROM_CACHE);
      assertThat(second.graphDirectory()).isEqualTo(directory).startsWith(root);
      assertThat(second.route(PENN_STATION, GRAND_CENTRAL, DEPARTURE)).isEqualTo(imported);
    }
  }

  @Test
  void shouldHonourAnotherCustomModelInItsOwnGraphDirectory() {
    String walkingPace = """
        { "distance_influence": 0,
          "priority": [ { "if": "!car_access", "multiply_by": "0" } ],
          "speed": [ { "if": "true", "limit_to": "car_average_speed" }, { "if": "true", "limit_to": "15" } ] }
        """;
    GraphHopperSettings settings = GraphHopperSettings.of(extract, CACHE_ROOT).withCustomModel(walkingPace);

    try (GraphHopperRouter slow = GraphHopperRouter.open(settings)) {
      Route route = slow.route(TIMES_SQUARE, UN_HEADQUARTERS, DEPARTURE);

      assertThat(slow.graphDirectory()).isNotEqualTo(router.graphDirectory());
      assertThat(route.distanceMetres() / route.durationSeconds()).isLessThanOrEqualTo(15 / 3.6 + 1e-6);
      assertThat(route.durationSeconds())
          .isGreaterThan(router.route(TIMES_SQUARE, UN_HEADQUARTERS, DEPARTURE).durationSeconds());
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
