package org.ridemarket.eta.inference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.ridemarket.contracts.features.EtaFeatures;
import org.ridemarket.contracts.model.ModelArtifact;
import org.ridemarket.contracts.model.ModelArtifactLayout;
import org.ridemarket.contracts.model.ModelArtifacts;
import org.ridemarket.contracts.model.ModelSignature;
import org.ridemarket.contracts.model.ModelSignatureJson;
import org.ridemarket.service.onnx.OnnxModel;

/**
 * Finds and opens an ETA model in the artifact store, refusing any whose bytes, gate or feature row
 * do not check out; a refusal says why, so that readiness can report it.
 */
public final class EtaModelLoader {

  private static final String SIGNATURE_SUFFIX = ".signature.json";

  private EtaModelLoader() {
  }

  /**
   * Opens {@code name} at {@code version}, or at its most recently published version.
   *
   * @throws ModelUnavailableException naming the reason: no artifact, a failed verification or a
   *     feature row this service does not build
   */
  public static OnnxModel load(Path root, String name, Optional<String> version) {
    String chosen = version.orElseGet(() -> newestVersion(root, name));
    ModelArtifact artifact;
    try {
      artifact = ModelArtifacts.load(root, name, chosen);
      // The service builds the row with EtaScoring, exactly as training does, so names and order must match.
      artifact.signature().requireFeatures(EtaFeatures.NAMES);
    } catch (RuntimeException e) {
      throw new ModelUnavailableException("refusing ETA model " + name + ":" + chosen + ": " + e.getMessage(), e);
    }
    try {
      return OnnxModel.open(artifact);
    } catch (RuntimeException e) {
      throw new ModelUnavailableException("ONNX Runtime cannot open " + name + ":" + chosen + ": " + e.getMessage(), e);
    }
  }

  private static String newestVersion(Path root, String name) {
    Path directory = ModelArtifactLayout.modelDirectory(root, name);
    if (!Files.isDirectory(directory)) {
      throw new ModelUnavailableException("no ETA model " + name + ": " + directory.toAbsolutePath() + " does not exist");
    }
    try (Stream<Path> files = Files.list(directory)) {
      List<Path> signatures = files
          .filter(file -> file.getFileName().toString().startsWith(name + "-"))
          .filter(file -> file.getFileName().toString().endsWith(SIGNATURE_SUFFIX))
          .toList();
      // Newest by publication time, not by version text: versions need not sort as strings.
      return signatures.stream()
          .map(EtaModelLoader::readSignature)
          .flatMap(Optional::stream)
          .filter(signature -> signature.name().equals(name))
          .max(Comparator.comparing(ModelSignature::createdAt))
          .map(ModelSignature::version)
          .orElseThrow(() -> new ModelUnavailableException(
              "no ETA model " + name + ": no readable " + name + "-*" + SIGNATURE_SUFFIX + " in " + directory.toAbsolutePath()));
    } catch (IOException e) {
      throw new ModelUnavailableException("cannot list " + directory.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }

  private static Optional<ModelSignature> readSignature(Path file) {
    try {
      return Optional.of(ModelSignatureJson.read(Files.readAllBytes(file)));
    } catch (IOException | RuntimeException e) {
      // One unreadable signature must not hide the valid versions next to it.
      return Optional.empty();
    }
  }
}
