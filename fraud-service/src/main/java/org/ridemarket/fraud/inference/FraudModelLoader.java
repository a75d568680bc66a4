package org.ridemarket.fraud.inference;

import java.nio.file.Path;
import java.util.Optional;
import org.ridemarket.contracts.features.VelocityFeatures;
import org.ridemarket.service.onnx.ModelRefusedException;
import org.ridemarket.service.onnx.ModelStore;
import org.ridemarket.service.onnx.OnnxModel;

/**
 * Opens a fraud model from the artifact store (see {@code ModelStore}), checking that its feature
 * vector is the one feature-streams writes; a refusal becomes this service's {@link
 * ModelUnavailableException}, so that readiness can report it.
 */
public final class FraudModelLoader {

  private FraudModelLoader() {
  }

  /**
   * Opens {@code name} at {@code version}, or at its most recently published version.
   *
   * @throws ModelUnavailableException naming the reason: no artifact, a failed verification or a
   *     feature vector this service does not build
   */
  public static OnnxModel load(Path root, String name, Optional<String> version) {
    try {
      // The service feeds the vector exactly as feature-streams writes it, so names and order must match.
      return new ModelStore(root, "fraud").open(name, version, VelocityFeatures.NAMES);
    } catch (ModelRefusedException e) {
      throw new ModelUnavailableException(e.getMessage(), e);
    }
  }
}
