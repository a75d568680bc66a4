package org.ridemarket.contracts.model;

import java.util.Map;

/**
 * Thrown when a model was trained on features computed with other topology settings than the ones the
 * serving side computes its features with: the same feature name would mean another quantity.
 */
public final class SettingsMismatchException extends IllegalStateException {

  private final Map<String, String> differing;

  SettingsMismatchException(String model, Map<String, String> differing) {
    super("model " + model + " was trained on features computed with other settings: " + differing
        + "; refusing to serve it");
    this.differing = Map.copyOf(differing);
  }

  /** Each differing setting, with the trained and the computed value in words. */
  public Map<String, String> differing() {
    return differing;
  }
}
