package org.ridemarket.pricing.service;

import org.ridemarket.pricing.config.PricingConfig;

/**
 * Turns the model's raw multiplier into the one riders see: never below 1.0, never above the cap
 * in force (the emergency cap while it is on), in steps, and with hysteresis so that a cell whose
 * raw value wobbles from one window to the next keeps one published multiplier.
 *
 * <p>The published value moves only when the raw value leaves a dead band around it, and then to
 * the step nearest the raw value on the side of the old one; after a move the raw value must
 * travel the whole dead band back before the multiplier moves again, so an oscillation narrower
 * than the dead band never flaps. A raw value within half a step of 1.0 always publishes 1.0.
 */
public final class SurgePolicy {

  /** No surge. */
  public static final double FLOOR = 1.0;

  // Absorbs binary rounding, so that (2.3 - 1.0) / 0.1 counts as 13 steps, not 12.999...
  private static final double EPSILON = 1e-9;

  private final double cap;
  private final double step;
  private final double deadBand;

  /**
   * A policy with the cap in force.
   *
   * @throws IllegalArgumentException if the cap is below 1.0, the step not positive, or the dead
   *     band narrower than a step (pricing the same window twice could then move the multiplier)
   */
  public SurgePolicy(double cap, double step, double deadBand) {
    if (!(cap >= FLOOR) || !(step > 0) || !(deadBand >= step)) {
      throw new IllegalArgumentException("surge policy needs cap >= 1.0, step > 0 and dead band >= step; got cap "
          + cap + ", step " + step + ", dead band " + deadBand);
    }
    this.cap = cap;
    this.step = step;
    this.deadBand = deadBand;
  }

  /** The policy the configuration asks for; an enabled emergency cap lowers the cap. */
  public static SurgePolicy from(PricingConfig.Surge config) {
    double cap = config.emergency().enabled() ? Math.min(config.cap(), config.emergency().cap()) : config.cap();
    return new SurgePolicy(cap, config.step(), config.deadBand());
  }

  /** The highest multiplier this policy publishes. */
  public double cap() {
    return cap;
  }

  /**
   * The multiplier to publish for a cell, given the model's raw value and what the cell shows now.
   *
   * @param previous the cell's published multiplier, null if it has none
   * @throws IllegalArgumentException if the raw value is not a finite number
   */
  public double next(double raw, Double previous) {
    if (!Double.isFinite(raw)) {
      throw new IllegalArgumentException("the surge model returned " + raw);
    }
    double target = bound(raw);
    if (target <= FLOOR + step / 2) {
      return FLOOR;
    }
    if (previous == null) {
      return bound(round(FLOOR + Math.round((target - FLOOR) / step) * step));
    }
    // A cap lowered since the cell was last priced applies at once.
    double held = bound(previous);
    if (Math.abs(target - held) < deadBand) {
      return held;
    }
    double steps = (target - FLOOR) / step;
    double towardHeld = target > held ? Math.floor(steps + EPSILON) : Math.ceil(steps - EPSILON);
    return bound(round(FLOOR + towardHeld * step));
  }

  /** A multiplier clamped into [1.0, cap]; how remembered values are served after a cap change. */
  public double bound(double multiplier) {
    return Math.max(FLOOR, Math.min(cap, multiplier));
  }

  // Multipliers are shown and stored as decimals: 1.2, not 1.2000000000000002.
  private static double round(double multiplier) {
    return Math.round(multiplier * 1_000_000.0) / 1_000_000.0;
  }
}
