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
 * @param history the history the model learned from, in words an analyst can find again (e.g. {@code NYC TLC
 *     yellow-taxi samples 2018-01..2018-12, replayed from tlc.events.gz}); null for a model published before
 *     signatures named their history
 * @param settings the settings of the feature topologies the training rows were built with (windows, grace,
 *     caps, buckets), by name ({@code congestion.grace} = {@code PT2M}); empty when not recorded. A service
 *     whose features are computed with other settings must not serve the model: {@link #requireSettings}
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
    GateReport gate,
    String history,
    Map<String, String> settings) {

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
    // Sorted like the metrics; null (a signature file from before settings were recorded) reads as none.
    settings = Collections.unmodifiableSortedMap(new TreeMap<>(settings == null ? Map.of() : settings));
  }

  /** A signature that records neither its history nor its topology settings. */
  public ModelSignature(String name, String version, List<String> featureNames, String objective, String inputName,
      String outputName, Instant trainedFrom, Instant trainedTo, Map<String, Double> metrics, Instant createdAt,
      String onnxSha256, GateReport gate) {
    this(name, version, featureNames, objective, inputName, outputName, trainedFrom, trainedTo, metrics, createdAt,
        onnxSha256, gate, null, Map.of());
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

  /**
   * Refuses this model when the topology settings its training rows were built with differ from the ones the
   * serving side's features are computed with: every recorded setting must be among {@code computed} with
   * the same value (a 5-minute window learned is not a 10-minute window served). A model that recorded no
   * settings is not checked; settings the model did not record are not compared.
   *
   * @throws SettingsMismatchException naming each differing or unknown setting with both values
   */
  public void requireSettings(Map<String, String> computed) {
    requireSettings(computed, "");
  }

  /**
   * {@link #requireSettings(Map)} for the recorded settings whose names start with {@code prefix} only, for a
   * serving side that computes one family of features (e.g. {@code congestion.}).
   *
   * @throws SettingsMismatchException naming each differing or unknown setting with both values
   */
  public void requireSettings(Map<String, String> computed, String prefix) {
    Map<String, String> differing = new TreeMap<>();
    settings.forEach((key, trained) -> {
      String serving = computed.get(key);
      if (key.startsWith(prefix) && !trained.equals(serving)) {
        differing.put(key, "trained with " + trained + ", computed with " + (serving == null ? "nothing" : serving));
      }
    });
    if (!differing.isEmpty()) {
      throw new SettingsMismatchException(id(), differing);
    }
  }
}
