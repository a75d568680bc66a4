package org.ridemarket.console.streets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;
import org.ridemarket.console.config.ConsoleConfig;
import org.ridemarket.routing.OsmExtracts;

/**
 * The base map: the extract's streets as one GeoJSON document, built once, off the start-up path, on a
 * thread of its own. Without an extract the map has no streets, only the cells.
 */
@ApplicationScoped
public class BaseMap {

  /** ODbL requires it wherever the data is shown. */
  public static final String ATTRIBUTION = "© OpenStreetMap contributors";
  private static final Logger LOG = Logger.getLogger(BaseMap.class);

  private final ConsoleConfig config;
  private final ObjectMapper json;
  private final CompletableFuture<String> geoJson = new CompletableFuture<>();

  public BaseMap(ConsoleConfig config, ObjectMapper json) {
    this.config = config;
    this.json = json;
  }

  void build(@Observes StartupEvent event) {
    Thread builder = new Thread(() -> {
      try {
        Optional<Path> file = config.osmFile().map(Path::of).or(OsmExtracts::midtown);
        long started = System.nanoTime();
        List<StreetExtractor.Street> streets = file.map(f -> StreetExtractor.extract(f, config.streetToleranceMeters()))
            .orElse(List.of());
        geoJson.complete(toGeoJson(streets, json));
        LOG.infof("base map: %d streets from %s in %d ms", streets.size(), file.map(Path::toString).orElse("no extract"),
            (System.nanoTime() - started) / 1_000_000);
      } catch (RuntimeException e) {
        LOG.error("no base map: the extract could not be read", e);
        geoJson.complete(toGeoJson(List.of(), json));
      }
    }, "console-base-map");
    builder.setDaemon(true);
    builder.start();
  }

  /** The streets as a GeoJSON FeatureCollection (coordinates [lon, lat]) with its attribution. */
  public CompletableFuture<String> geoJson() {
    return geoJson;
  }

  static String toGeoJson(List<StreetExtractor.Street> streets, ObjectMapper json) {
    ObjectNode collection = json.createObjectNode().put("type", "FeatureCollection").put("attribution", ATTRIBUTION);
    ArrayNode features = collection.putArray("features");
    for (StreetExtractor.Street street : streets) {
      ObjectNode feature = features.addObject().put("type", "Feature");
      feature.putObject("properties").put("highway", street.highway()).put("name", street.name());
      ArrayNode coordinates = feature.putObject("geometry").put("type", "LineString").putArray("coordinates");
      for (double[] point : street.points()) {
        coordinates.addArray().add(round(point[1])).add(round(point[0]));
      }
    }
    return collection.toString();
  }

  private static double round(double degrees) {
    return Math.round(degrees * 1e5) / 1e5;
  }
}
