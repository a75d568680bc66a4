package org.ridemarket.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.graphhopper.GHRequest;
import com.graphhopper.GHResponse;
import com.graphhopper.GraphHopper;
import com.graphhopper.GraphHopperConfig;
import com.graphhopper.ResponsePath;
import com.graphhopper.config.CHProfile;
import com.graphhopper.config.Profile;
import com.graphhopper.jackson.Jackson;
import com.graphhopper.util.CustomModel;
import com.graphhopper.util.Parameters;
import com.graphhopper.util.PointList;
import com.graphhopper.util.TurnCostsConfig;
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
import java.util.TreeMap;

/**
 * Road routing on an OpenStreetMap extract with GraphHopper, offline: a car profile with turn
 * restrictions and a custom model (by default the fastest route at GraphHopper's average car
 * speeds), answered by contraction hierarchies in well under a millisecond. The graph is imported
 * once and kept in a directory under the configured cache root; later starts load it.
 */
public final class GraphHopperRouter implements Router, AutoCloseable {

  /** Name of the one GraphHopper profile. */
  public static final String PROFILE = "car";
  /** Encoded values the default custom model needs. */
  static final String ENCODED_VALUES = "car_access, car_average_speed";
  /** Highways no car may use, left out of the graph. */
  static final String IGNORED_HIGHWAYS = "footway,cycleway,path,pedestrian,steps,bridleway";
  /** Cell size of GraphHopper's location index, in metres (its default, 300, suits country-sized maps). */
  static final int INDEX_RESOLUTION_METRES = 100;

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
    Profile profile = new Profile(PROFILE)
        .setCustomModel(parse(settings.customModelJson()))
        .setTurnCostsConfig(TurnCostsConfig.car());
    int maxRegionSearch = (int) Math.ceil(settings.maxSnapMetres() / INDEX_RESOLUTION_METRES) + 1;
    GraphHopperConfig config = new GraphHopperConfig()
        .putObject("graph.encoded_values", ENCODED_VALUES)
        // a car never drives these, and leaving them out keeps the graph and its location index small
        .putObject("import.osm.ignored_highways", IGNORED_HIGHWAYS)
        // no turn instructions, so no street names to store
        .putObject("datareader.instructions", false)
        .putObject("index.high_resolution", INDEX_RESOLUTION_METRES)
        .setProfiles(List.of(profile))
        .setCHProfiles(List.of(new CHProfile(PROFILE)));
    Path directory = GraphCacheDirectory.of(settings.graphCacheRoot(), settings.osmFile(), profile,
        new TreeMap<>(config.asPMap().toMap()).toString());
    // the index gives up beyond the snap distance instead of scanning the whole map for a point in the river
    config.putObject("index.max_region_search", maxRegionSearch);
    config.putObject("datareader.file", settings.osmFile().toString());
    config.putObject("graph.location", directory.toString());
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
    GHRequest request = new GHRequest(origin.lat(), origin.lon(), destination.lat(), destination.lon())
        .setProfile(PROFILE)
        .putHint(Parameters.Routing.INSTRUCTIONS, false);
    GHResponse response = hopper.route(request);
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

  private static CustomModel parse(String json) {
    try {
      return Jackson.newObjectMapper().readValue(json, CustomModel.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid custom model: " + e.getOriginalMessage(), e);
    }
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
