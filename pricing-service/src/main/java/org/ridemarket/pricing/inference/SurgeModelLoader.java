package org.ridemarket.pricing.inference;

import java.nio.file.Path;
import java.util.Optional;
import org.ridemarket.contracts.features.SupplyDemandFeatures;
import org.ridemarket.service.onnx.ModelRefusedException;
import org.ridemarket.service.onnx.ModelStore;
import org.ridemarket.service.onnx.OnnxModel;

/**
 * Opens a surge model from the artifact store (see {@code ModelStore}), checking that its feature
 * vector is the one feature-streams writes; a refusal becomes this service's {@link
 * ModelUnavailableException}, so that readiness can report it.
 */
public final class SurgeModelLoader {

  private SurgeModelLoader() {
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
      return new ModelStore(root, "surge").open(name, version, SupplyDemandFeatures.NAMES);
    } catch (ModelRefusedException e) {
      throw new ModelUnavailableException(e.getMessage(), e);
    }
  }
}
