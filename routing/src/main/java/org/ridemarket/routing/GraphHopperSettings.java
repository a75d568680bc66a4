package org.ridemarket.routing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link GraphHopperRouter} loads: an OpenStreetMap extract, where to keep the graph built
 * from it, the car profile's custom model, and how far from a road a trip may start or end.
 *
 * @param osmFile the {@code .osm.pbf} extract
 * @param graphCacheRoot directory under which the imported graph is kept, one subdirectory per
 *     extract and model, so that a second start loads it instead of importing again
 * @param customModelJson the car profile's GraphHopper custom model, as JSON
 * @param maxSnapMetres a trip whose origin or destination is farther than this from the nearest
 *     road is refused as off the map
 */
public record GraphHopperSettings(Path osmFile, Path graphCacheRoot, String customModelJson, double maxSnapMetres) {

  /** Resource holding the default custom model: fastest route for a car, no distance penalty. */
  public static final String FASTEST_CAR_MODEL = "car-fastest.json";
  /** Default largest distance from the nearest road, in metres: a few blocks. */
  public static final double DEFAULT_MAX_SNAP_METRES = 250;

  /** Validates the settings. */
  public GraphHopperSettings {
    Objects.requireNonNull(osmFile, "osmFile");
    Objects.requireNonNull(graphCacheRoot, "graphCacheRoot");
    Objects.requireNonNull(customModelJson, "customModelJson");
    if (!(maxSnapMetres > 0)) {
      throw new IllegalArgumentException("maxSnapMetres must be > 0, was " + maxSnapMetres);
    }
  }

  /** The extract and cache directory with the fastest-car model and the default snap distance. */
  public static GraphHopperSettings of(Path osmFile, Path graphCacheRoot) {
    return new GraphHopperSettings(osmFile, graphCacheRoot, fastestCarModel(), DEFAULT_MAX_SNAP_METRES);
  }

  /** The same settings with another custom model. */
  public GraphHopperSettings withCustomModel(String json) {
    return new GraphHopperSettings(osmFile, graphCacheRoot, json, maxSnapMetres);
  }

  /** The default custom model's JSON. */
  public static String fastestCarModel() {
    try (InputStream in = GraphHopperSettings.class.getResourceAsStream(FASTEST_CAR_MODEL)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + FASTEST_CAR_MODEL);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
