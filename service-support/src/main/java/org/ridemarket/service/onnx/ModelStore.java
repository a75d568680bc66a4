package org.ridemarket.service.onnx;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.ridemarket.contracts.model.ModelArtifact;
import org.ridemarket.contracts.model.ModelArtifactLayout;
import org.ridemarket.contracts.model.ModelArtifacts;
import org.ridemarket.contracts.model.ModelSignature;
import org.ridemarket.contracts.model.TrainingHistogram;
import org.ridemarket.contracts.model.TrainingHistogramJson;
import org.ridemarket.service.drift.FeatureDrift;

/**
 * Finds and opens models in the artifact store, refusing any whose bytes, gate or feature vector do
 * not check out; a refusal says why, so that a service's readiness can report it.
 */
public final class ModelStore {

  private static final String SIGNATURE_SUFFIX = ".signature.json";

  private final Path root;
  private final String kind;

  /**
   * A store at {@code root} for one kind of model.
   *
   * @param kind what the models are, for messages: {@code surge}, {@code fraud}, {@code ETA}
   */
  public ModelStore(Path root, String kind) {
    this.root = root;
    this.kind = kind;
  }

  /**
   * Opens {@code name} at {@code version}, or at its most recently published version.
   *
   * @param features the feature vector the service builds, in order; the model's must be the same
   * @throws ModelRefusedException naming the reason: no artifact, a failed verification, a feature
   *     vector the service does not build, or a model ONNX Runtime cannot open
   */
  public OnnxModel open(String name, Optional<String> version, List<String> features) {
    String chosen = version.orElseGet(() -> newestVersion(name));
    ModelArtifact artifact;
    Optional<FeatureDrift> drift;
    try {
      artifact = ModelArtifacts.load(root, name, chosen);
      // The service feeds the vector exactly as it was trained on, so names and order must match.
      artifact.signature().requireFeatures(features);
      drift = TrainingHistogramJson.load(root, name, chosen).map(histogram -> drift(histogram, features));
    } catch (RuntimeException e) {
      throw new ModelRefusedException("refusing " + kind + " model " + name + ":" + chosen + ": " + e.getMessage(), e);
    }
    try {
      return OnnxModel.open(artifact, drift);
    } catch (RuntimeException e) {
      throw new ModelRefusedException("ONNX Runtime cannot open " + name + ":" + chosen + ": " + e.getMessage(), e);
    }
  }

  /** A drift monitor over the default window; a histogram of other features than the model's is refused. */
  private static FeatureDrift drift(TrainingHistogram histogram, List<String> features) {
    List<String> binned = histogram.features().stream().map(TrainingHistogram.FeatureBins::feature).toList();
    if (!binned.equals(features)) {
      throw new IllegalArgumentException("its training histogram bins " + binned + ", not the features " + features);
    }
    return new FeatureDrift(histogram, FeatureDrift.WINDOW, FeatureDrift.SLOTS, FeatureDrift.MIN_ROWS,
        System::currentTimeMillis);
  }

  /**
   * The most recently published version of {@code name}.
   *
   * @throws ModelRefusedException when the store has none
   */
  public String newestVersion(String name) {
    Path directory = ModelArtifactLayout.modelDirectory(root, name);
    if (!Files.isDirectory(directory)) {
      throw new ModelRefusedException("no " + kind + " model " + name + ": " + directory.toAbsolutePath()
          + " does not exist");
    }
    try {
      return ModelArtifacts.newestSignature(root, name)
          .map(ModelSignature::version)
          .orElseThrow(() -> new ModelRefusedException("no " + kind + " model " + name + ": no readable " + name
              + "-*" + SIGNATURE_SUFFIX + " in " + directory.toAbsolutePath()));
    } catch (UncheckedIOException e) {
      throw new ModelRefusedException("cannot list " + directory.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }
}
