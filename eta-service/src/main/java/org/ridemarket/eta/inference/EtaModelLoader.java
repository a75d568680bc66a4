package org.ridemarket.eta.inference;

import java.nio.file.Path;
import java.util.Optional;
import org.ridemarket.contracts.features.EtaFeatures;
import org.ridemarket.service.onnx.ModelRefusedException;
import org.ridemarket.service.onnx.ModelStore;
import org.ridemarket.service.onnx.OnnxModel;

/**
 * Opens an ETA model from the artifact store (see {@code ModelStore}), checking that its feature
 * row is the one EtaScoring builds; a refusal becomes this service's {@link
 * ModelUnavailableException}, so that readiness can report it.
 */
public final class EtaModelLoader {

  private EtaModelLoader() {
  }

  /**
   * Opens {@code name} at {@code version}, or at its most recently published version.
   *
   * @throws ModelUnavailableException naming the reason: no artifact, a failed verification or a
   *     feature row this service does not build
   */
  public static OnnxModel load(Path root, String name, Optional<String> version) {
    try {
      // The service builds the row with EtaScoring, exactly as training does, so names and order must match.
      return new ModelStore(root, "ETA").open(name, version, EtaFeatures.NAMES);
    } catch (ModelRefusedException e) {
      throw new ModelUnavailableException(e.getMessage(), e);
    }
  }
}
