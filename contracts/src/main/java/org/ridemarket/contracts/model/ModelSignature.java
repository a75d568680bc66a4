package org.ridemarket.contracts.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What travels with every published {@code .onnx} file: which model it is, the exact feature
 * vector it takes, how it was trained and evaluated, the hash of its bytes and the parity-gate
 * report that allowed its publication.
 *
 * @param name the model's name, e.g. {@code fraud}; also its directory in the artifact store
 * @param version the model's version; published versions are immutable
 * @param featureNames the input vector, in order
 * @param objective the XGBoost objective it was trained with, e.g. {@code binary:logistic}
 * @param inputName the ONNX input (a float tensor of shape [N, featureNames.size()])
 * @param outputName the ONNX output (a float tensor of shape [N, 1])
 * @param trainedFrom start of the training window (event time, inclusive)
 * @param trainedTo end of the training window (event time, exclusive)
 * @param metrics evaluation metrics on held-out data, by name
 * @param createdAt when the artifact was published
 * @param onnxSha256 lower-case hex SHA-256 of the {@code .onnx} bytes
 * @param gate the parity gate's report
 */
public record ModelSignature(
    String name,
    String version,
    List<String> featureNames,
    String objective,
    String inputName,
    String outputName,
    Instant trainedFrom,
    Instant trainedTo,
    Map<String, Double> metrics,
    Instant createdAt,
    String onnxSha256,
    GateReport gate) {

  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  public ModelSignature {
    ModelArtifactLayout.requireSegment("name", name);
    ModelArtifactLayout.requireSegment("version", version);
    featureNames = List.copyOf(featureNames);
    if (featureNames.isEmpty() || featureNames.stream().distinct().count() != featureNames.size()) {
      throw new IllegalArgumentException("featureNames must be non-empty and unique: " + featureNames);
    }
    Objects.requireNonNull(objective, "objective");
    Objects.requireNonNull(inputName, "inputName");
    Objects.requireNonNull(outputName, "outputName");
    if (!trainedFrom.isBefore(trainedTo)) {
      throw new IllegalArgumentException("training window is empty: " + trainedFrom + " .. " + trainedTo);
    }
    // Sorted, so that the same metrics always serialize to the same bytes.
    metrics = Collections.unmodifiableSortedMap(new TreeMap<>(metrics));
    Objects.requireNonNull(createdAt, "createdAt");
    if (!SHA256_HEX.matcher(onnxSha256).matches()) {
      throw new IllegalArgumentException("onnxSha256 must be 64 lower-case hex digits: " + onnxSha256);
    }
    Objects.requireNonNull(gate, "gate");
  }

  /** {@code name:version}, the way logs and errors refer to a model. */
  public String id() {
    return name + ":" + version;
  }

  /**
   * Refuses this model unless it takes exactly the feature vector a service builds, same names in
   * the same order.
   *
   * @throws FeatureMismatchException naming the missing, unexpected and misordered features
   */
  public void requireFeatures(List<String> serviceFeatures) {
    if (featureNames.equals(serviceFeatures)) {
      return;
    }
    List<String> missing = new ArrayList<>();
    List<String> misordered = new ArrayList<>();
    for (int i = 0; i < featureNames.size(); i++) {
      String feature = featureNames.get(i);
      int j = serviceFeatures.indexOf(feature);
      if (j < 0) {
        missing.add(feature);
      } else if (j != i) {
        misordered.add(feature + " (model #" + i + ", service #" + j + ")");
      }
    }
    List<String> unexpected = serviceFeatures.stream().filter(f -> !featureNames.contains(f)).toList();
    throw new FeatureMismatchException(id(), missing, unexpected, misordered);
  }
}
