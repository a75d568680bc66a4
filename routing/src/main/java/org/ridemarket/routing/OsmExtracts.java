package org.ridemarket.routing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the OpenStreetMap extract of Midtown Manhattan beside the project ({@code shared/data/osm},
 * never copied into the repository), or where a system property or environment variable says.
 */
public final class OsmExtracts {

  /** System property naming the extract; wins over everything else. */
  public static final String FILE_PROPERTY = "ridemarket.routing.osm-file";
  /** Environment variable naming the extract, when the system property is not set. */
  public static final String FILE_ENV = "RIDEMARKET_OSM_FILE";
  /** File name of the Midtown extract in {@code shared/data/osm}. */
  public static final String MIDTOWN_FILE = "manhattan-midtown.osm.pbf";

  private OsmExtracts() {
  }

  /**
   * The Midtown extract: the file the property or variable names, else the shared data directory
   * seen from the repository root or from a module directory, if present.
   *
   * @throws IllegalArgumentException if the property or variable names a file that does not exist
   */
  public static Optional<Path> midtown() {
    return locate(System.getProperty(FILE_PROPERTY), System.getenv(FILE_ENV), Path.of(""));
  }

  static Optional<Path> locate(String property, String env, Path workingDirectory) {
    String override = property != null && !property.isBlank() ? property : env;
    if (override != null && !override.isBlank()) {
      Path file = Path.of(override);
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("the configured OSM extract " + file.toAbsolutePath() + " does not exist");
      }
      return Optional.of(file);
    }
    List<Path> candidates = List.of(
        workingDirectory.resolve("../shared/data/osm").resolve(MIDTOWN_FILE),
        workingDirectory.resolve("../../shared/data/osm").resolve(MIDTOWN_FILE));
    return candidates.stream().filter(Files::isRegularFile).map(Path::normalize).findFirst();
  }
}
