package org.ridemarket.contracts.model;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where a model version lives in an artifact store: {@code <root>/<name>/<name>-<version>.onnx}
 * next to {@code <name>-<version>.signature.json} (and its training histogram,
 * {@code <name>-<version>.histogram.json}). The publisher and every loader share this one
 * definition.
 */
public final class ModelArtifactLayout {

  // Names and versions become file names: no separators, no leading dot, nothing that climbs out of the root.
  private static final Pattern PATH_SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private ModelArtifactLayout() {
  }

  /** The directory holding every version of a model. */
  public static Path modelDirectory(Path root, String name) {
    return root.resolve(requireSegment("name", name));
  }

  /** The ONNX file of a model version. */
  public static Path onnxFile(Path root, String name, String version) {
    return modelDirectory(root, name).resolve(name + "-" + requireSegment("version", version) + ".onnx");
  }

  /** The signature file of a model version. */
  public static Path signatureFile(Path root, String name, String version) {
    return modelDirectory(root, name).resolve(name + "-" + requireSegment("version", version) + ".signature.json");
  }

  /**
   * The training histogram of a model version ({@link TrainingHistogram}), beside its signature; optional,
   * models published before it existed have none.
   */
  public static Path histogramFile(Path root, String name, String version) {
    return modelDirectory(root, name).resolve(name + "-" + requireSegment("version", version) + ".histogram.json");
  }

  static String requireSegment(String what, String value) {
    if (value == null || !PATH_SEGMENT.matcher(value).matches()) {
      throw new IllegalArgumentException(what + " must match " + PATH_SEGMENT + " (it names files): " + value);
    }
    return value;
  }
}
