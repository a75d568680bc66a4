package org.ridemarket.service.rest;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The limits every service applies to its input before any of its own validation ({@code serving.input.*}).
 * A service whose own checks are wider (eta-service's departures a week ahead) widens them here.
 */
// Static-init safe: Quarkus builds the ObjectMapper that InputHardening customizes during static initialisation.
@StaticInitSafe
@ConfigMapping(prefix = "serving.input")
public interface InputLimits {

  /** Longest string (ids, codes, names, field names and parameters included), in UTF-16 units. */
  @WithDefault("256")
  int maxStringLength();

  /** Deepest nesting of objects and arrays in a body; the request types need three. */
  @WithDefault("32")
  int maxNesting();

  /** Longest number, in characters: longer ones are refused before they are converted. */
  @WithDefault("64")
  int maxNumberLength();

  /** How far in the past an instant in a body may lie (a client clock behind, a replayed request). */
  @WithDefault("P30D")
  Duration maxInstantPast();

  /** How far in the future an instant in a body may lie. */
  @WithDefault("P1D")
  Duration maxInstantAhead();
}
