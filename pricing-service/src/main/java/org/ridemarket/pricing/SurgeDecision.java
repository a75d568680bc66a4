package org.ridemarket.pricing;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * The surge multiplier a cell gets at one moment, and how it was arrived at.
 *
 * @param multiplier at least 1.0 and at most the cap in force
 * @param source how the multiplier was made; {@link SurgeSource#degraded()} says if it was a fallback
 * @param modelVersion the surge model in service ({@code name:version}), null when none is loaded
 */
@Embeddable
public record SurgeDecision(
    @Column(name = "surge_multiplier") double multiplier,
    @Enumerated(EnumType.STRING) @Column(name = "surge_source") SurgeSource source,
    @Column(name = "model_version") String modelVersion) {

  /** True when the multiplier came from a fallback, not from fresh features and the model. */
  public boolean degraded() {
    return source.degraded();
  }
}
