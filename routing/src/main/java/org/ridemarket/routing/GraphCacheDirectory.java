package org.ridemarket.routing;

import com.graphhopper.config.Profile;
import com.graphhopper.util.Constants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names the graph directory of one extract and one profile. GraphHopper loads whatever graph it
 * finds in its directory without checking the extract, so the name carries a fingerprint of the
 * extract (name, size, modification time), the profile (custom model and turn costs), the
 * import options and GraphHopper's version: a changed input gets a fresh directory, never a
 * stale graph.
 */
final class GraphCacheDirectory {

  private GraphCacheDirectory() {
  }

  /** The directory under {@code root} for this extract, profile and import options. */
  static Path of(Path root, Path osmFile, Profile profile, String importOptions) {
    try {
      String fileName = osmFile.getFileName().toString();
      String fingerprint = String.join("\n",
          fileName,
          Long.toString(Files.size(osmFile)),
          Long.toString(Files.getLastModifiedTime(osmFile).toMillis()),
          profile.toString(),
          importOptions,
          Constants.VERSION);
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(fingerprint.getBytes(StandardCharsets.UTF_8));
      String stem = fileName.replaceFirst("(\\.osm)?\\.pbf$", "");
      return root.resolve(stem + "-" + HexFormat.of().formatHex(digest, 0, 8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the OSM extract " + osmFile, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
