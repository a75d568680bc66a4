package org.ridemarket.contracts.model;

import java.util.List;

/**
 * Thrown when a model expects a feature vector that a service does not build exactly: the vector is
 * passed to the model as-is, so names and positions must both agree.
 */
public final class FeatureMismatchException extends IllegalStateException {

  private final List<String> missing;
  private final List<String> unexpected;
  private final List<String> misordered;

  FeatureMismatchException(String model, List<String> missing, List<String> unexpected, List<String> misordered) {
    super("model " + model + " does not match the features this service builds:"
        + (missing.isEmpty() ? "" : " missing " + missing + " (the model needs them, the service cannot build them);")
        + (unexpected.isEmpty() ? "" : " unexpected " + unexpected + " (the service builds them, the model has no input for them);")
        + (misordered.isEmpty() ? "" : " misordered " + misordered + ";")
        + " refusing to serve it");
    this.missing = List.copyOf(missing);
    this.unexpected = List.copyOf(unexpected);
    this.misordered = List.copyOf(misordered);
  }

  /** Feature names the model needs that the service does not build. */
  public List<String> missing() {
    return missing;
  }

  /** Feature names the service builds that the model does not take. */
  public List<String> unexpected() {
    return unexpected;
  }

  /** Names both sides know but at different positions, as {@code name (model #i, service #j)}. */
  public List<String> misordered() {
    return misordered;
  }
}
