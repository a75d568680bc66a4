package org.ridemarket.routing;

import com.graphhopper.GHRequest;
import com.graphhopper.GHResponse;
import com.graphhopper.GraphHopper;
import com.graphhopper.GraphHopperConfig;
import com.graphhopper.ResponsePath;
import com.graphhopper.util.Parameters;
import com.graphhopper.util.PointList;
import com.graphhopper.util.exceptions.ConnectionNotFoundException;
import com.graphhopper.util.exceptions.PointNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Road routing on an OpenStreetMap extract with GraphHopper, offline: a car profile with turn
 * restrictions and a custom model (by default the fastest route at GraphHopper's average car
 * speeds), answered by contraction hierarchies (a Midtown query visits ~100 nodes). The graph is
 * imported once and kept in a directory under the configured cache root; later starts load it.
 */
public final class GraphHopperRouter implements Router, AutoCloseable {

  /** Name of the one GraphHopper profile. */
  public static final String PROFILE = CarGraphConfig.PROFILE;

  /**
   * How long one route search may run. A guard (a Midtown query takes well under a millisecond), and more: without
   * it GraphHopper adds its default, Long.MAX_VALUE, to the clock with Math.addExact and catches the overflow on
   * every search, and on JDK 17 that compiled intrinsic deoptimizes each time without being recompiled (JFR:
   * 118,558 deoptimizations of AbstractBidirAlgo.setupFinishTime in 4 minutes of eta-service under load).
   */
  static final long SEARCH_TIMEOUT_MS = 1_000;

  /** Where a router's graph came from. */
  public enum GraphSource {
    /** Built from the extract on this start, and written to the cache directory. */
    IMPORTED,
    /** Loaded from the cache directory, written by an earlier start. */
    LOADED_FROM_CACHE
  }

  private final GraphHopper hopper;
  private final GraphSource source;
  private final Duration loadTime;
  private final Path graphDirectory;
  private final double maxSnapMetres;
  private final CellTrace trace = new CellTrace(CellTrace.DEFAULT_STEP_METRES);

  private GraphHopperRouter(GraphHopper hopper, GraphSource source, Duration loadTime, Path graphDirectory,
      double maxSnapMetres) {
    this.hopper = hopper;
    this.source = source;
    this.loadTime = loadTime;
    this.graphDirectory = graphDirectory;
    this.maxSnapMetres = maxSnapMetres;
  }

  /** A router on this extract with the default model, its graph kept under {@code graphCacheRoot}. */
  public static GraphHopperRouter open(Path osmFile, Path graphCacheRoot) {
    return open(GraphHopperSettings.of(osmFile, graphCacheRoot));
  }

  /**
   * Loads the graph from the cache directory, or imports the extract into it first.
   *
   * @throws IllegalArgumentException if the extract is missing or the custom model is not valid
   */
  public static GraphHopperRouter open(GraphHopperSettings settings) {
    if (!Files.isRegularFile(settings.osmFile())) {
      throw new IllegalArgumentException("no OpenStreetMap extract at " + settings.osmFile().toAbsolutePath());
    }
    GraphHopperConfig config = CarGraphConfig.of(settings);
    Path directory = Path.of(config.getString("graph.location", ""));
    GraphHopper hopper = new GraphHopper().init(config);
    long start = System.nanoTime();
    try {
      GraphSource source = hopper.load() ? GraphSource.LOADED_FROM_CACHE : GraphSource.IMPORTED;
      if (source == GraphSource.IMPORTED) {
        hopper.importOrLoad();
      }
      Duration loadTime = Duration.ofNanos(System.nanoTime() - start);
      return new GraphHopperRouter(hopper, source, loadTime, directory, settings.maxSnapMetres());
    } catch (RuntimeException e) {
      hopper.close();
      throw e;
    }
  }

  /** {@inheritDoc} The departure time is not used: the speeds are GraphHopper's, at any hour. */
  @Override
  public Route route(GeoPoint origin, GeoPoint destination, Instant departure) {
    Objects.requireNonNull(departure, "departure");
    GHResponse response = hopper.route(request(origin, destination));
    if (response.hasErrors()) {
      throw noRoute(response.getErrors(), origin, destination);
    }
    ResponsePath best = response.getBest();
    List<GeoPoint> path = points(best.getPoints());
    checkSnap("origin", origin, path.get(0));
    checkSnap("destination", destination, path.get(path.size() - 1));
    List<CellCrossing> crossings = trace.crossings(origin, path, destination, 1.0);
    return new Route(best.getDistance(), best.getTime() / 1000.0, path, crossings);
  }

  static GHRequest request(GeoPoint origin, GeoPoint destination) {
    return new GHRequest(origin.lat(), origin.lon(), destination.lat(), destination.lon())
        .setProfile(PROFILE)
        // Bidirectional Dijkstra rather than GraphHopper's default A* on the hierarchy: the same shortest route,
        // but A* builds a weight approximator for every search, and for a custom model that derives the model's
        // top speed afresh by parsing its expressions (a NumberFormatException for each that is not a number).
        // On a contracted graph the search is small and the heuristic saves little
        // (docs/benchmarks/2026-12-05-serving-core-recheck.md).
        .setAlgorithm(Parameters.Algorithms.DIJKSTRA_BI)
        .putHint(Parameters.Routing.INSTRUCTIONS, false)
        .putHint(Parameters.Routing.TIMEOUT_MS, SEARCH_TIMEOUT_MS);
  }

  // GraphHopper's answer to a request as given: for tests that compare search settings.
  GHResponse search(GHRequest request) {
    return hopper.route(request);
  }

  /** Whether the graph was imported on this start or loaded from the cache. */
  public GraphSource source() {
    return source;
  }

  /** Wall time that importing or loading the graph took. */
  public Duration loadTime() {
    return loadTime;
  }

  /** The directory holding this router's graph. */
  public Path graphDirectory() {
    return graphDirectory;
  }

  /** Releases the graph's memory. */
  @Override
  public void close() {
    hopper.close();
  }

  private void checkSnap(String which, GeoPoint requested, GeoPoint snapped) {
    double metres = GreatCircle.metres(requested, snapped);
    if (metres > maxSnapMetres) {
      throw new NoRouteException(NoRouteException.Reason.POINT_OFF_MAP, String.format(Locale.ROOT,
          "%s %s is %.0f m from the nearest road (at most %.0f m)", which, requested, metres, maxSnapMetres));
    }
  }

  private static NoRouteException noRoute(List<Throwable> errors, GeoPoint origin, GeoPoint destination) {
    for (Throwable error : errors) {
      if (error instanceof PointNotFoundException notFound) {
        String point = notFound.getPointIndex() == 0 ? "origin " + origin : "destination " + destination;
        return new NoRouteException(NoRouteException.Reason.POINT_OFF_MAP,
            point + " is not on the map: " + error.getMessage());
      }
    }
    for (Throwable error : errors) {
      if (error instanceof ConnectionNotFoundException) {
        return new NoRouteException(NoRouteException.Reason.NOT_CONNECTED,
            "no road from " + origin + " to " + destination + ": " + error.getMessage());
      }
    }
    throw new IllegalStateException("GraphHopper failed from " + origin + " to " + destination + ": " + errors);
  }

  private static List<GeoPoint> points(PointList points) {
    List<GeoPoint> path = new ArrayList<>(points.size());
    for (int i = 0; i < points.size(); i++) {
      path.add(new GeoPoint(points.getLat(i), points.getLon(i)));
    }
    return path;
  }
}
