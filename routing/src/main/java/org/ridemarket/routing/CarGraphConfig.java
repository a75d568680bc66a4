package org.ridemarket.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.graphhopper.GraphHopperConfig;
import com.graphhopper.config.CHProfile;
import com.graphhopper.config.Profile;
import com.graphhopper.jackson.Jackson;
import com.graphhopper.util.CustomModel;
import com.graphhopper.util.TurnCostsConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;

/** The GraphHopper configuration of {@link GraphHopperRouter}: one car profile, sized for a city. */
final class CarGraphConfig {

  /** Name of the one GraphHopper profile. */
  static final String PROFILE = "car";
  /** Encoded values the default custom model needs. */
  static final String ENCODED_VALUES = "car_access, car_average_speed";
  /** Highways no car may use, left out of the graph. */
  static final String IGNORED_HIGHWAYS = "footway,cycleway,path,pedestrian,steps,bridleway";
  /** Cell size of GraphHopper's location index in metres (its default, 300, suits country-sized maps). */
  static final int INDEX_RESOLUTION_METRES = 100;

  private CarGraphConfig() {
  }

  /**
   * The configuration for these settings, its graph location a directory under the cache root
   * named by everything that shapes the stored graph.
   *
   * @throws IllegalArgumentException if the custom model is not valid JSON
   */
  static GraphHopperConfig of(GraphHopperSettings settings) {
    Profile profile = new Profile(PROFILE)
        .setCustomModel(parse(settings.customModelJson()))
        .setTurnCostsConfig(TurnCostsConfig.car());
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
    // the index gives up beyond the snap distance instead of scanning the map for a point in the river
    int maxRegionSearch = (int) Math.ceil(settings.maxSnapMetres() / INDEX_RESOLUTION_METRES) + 1;
    return config
        .putObject("index.max_region_search", maxRegionSearch)
        .putObject("datareader.file", settings.osmFile().toString())
        .putObject("graph.location", directory.toString());
  }

  private static CustomModel parse(String json) {
    try {
      return Jackson.newObjectMapper().readValue(json, CustomModel.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid custom model: " + e.getOriginalMessage(), e);
    }
  }
}
