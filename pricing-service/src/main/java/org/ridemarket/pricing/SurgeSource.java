package org.ridemarket.pricing;

/** Where a quoted surge multiplier came from. */
public enum SurgeSource {
  /** The model scored the cell's fresh features, then the policy smoothed and capped the result. */
  MODEL,
  /** The cell had no recent activity (no fresh feature hash): no surge, by definition. */
  CALM_CELL,
  /** Redis or the model failed; the cell's last published multiplier was reused. */
  LAST_KNOWN,
  /** Redis or the model failed and the cell had no remembered multiplier: 1.0. */
  DEFAULT;

  /** True when the answer came from a fallback rather than from fresh features. */
  public boolean degraded() {
    return this == LAST_KNOWN || this == DEFAULT;
  }
}
