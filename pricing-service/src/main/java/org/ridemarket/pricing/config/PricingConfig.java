package org.ridemarket.pricing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Configuration of the pricing service; every default runs against the local stack. */
@ConfigMapping(prefix = "pricing")
public interface PricingConfig {

  /** How long a quoted price is honoured after it was given. */
  @WithDefault("PT5M")
  Duration quoteTtl();

  /** ISO 4217 code of every tariff amount. */
  @WithDefault("USD")
  String currency();

  /** Rate card per product name (STANDARD, XL, PREMIUM); the defaults are in application.properties. */
  Map<String, Tariff> tariffs();

  /** How a trip's distance and duration are estimated from its two end points. */
  Route route();

  /** The policy applied to the model's raw multiplier. */
  Surge surge();

  /** How the cells' supply/demand features are read. */
  Features features();

  /** Which surge model is served. */
  Model model();

  /** The surge map endpoint's limits. */
  SurgeMap surgeMap();

  /** One product's rate card, in minor units of {@link #currency()}. */
  interface Tariff {

    /** Flat amount of every trip. */
    long baseMinor();

    /** Amount per estimated road kilometre. */
    long perKmMinor();

    /** Amount per estimated minute of driving. */
    long perMinuteMinor();
  }

  /** Straight-line routing until a routing engine is wired in. */
  interface Route {

    /** Road distance over great-circle distance; about 1.3 in a street grid. */
    @WithDefault("1.3")
    double detourFactor();

    /** Average driving speed that turns the road distance into a duration. */
    @WithDefault("20")
    double averageSpeedKmh();

    /** Longest trip quoted; a farther dropoff is refused with a 400. */
    @WithDefault("200")
    double maxTripKm();
  }

  /** Caps and smoothing. */
  interface Surge {

    /** Highest multiplier ever quoted in normal operation. */
    @WithDefault("3.0")
    double cap();

    /** Multipliers are published in steps of this size (0.1 gives 1.0, 1.1, 1.2, ...). */
    @WithDefault("0.1")
    double step();

    /** A cell keeps its published multiplier while the model's value stays within this distance of it. */
    @WithDefault("0.15")
    double deadBand();

    /** How long a cell's published multiplier is kept in Redis (smoothing) and in memory (degraded answers). */
    @WithDefault("PT30M")
    Duration memory();

    /** Most cells remembered at once; the least recently priced are forgotten first. */
    @WithDefault("100000")
    long memoryCells();

    /** The emergency cap, for declared emergencies and regulations. */
    Emergency emergency();
  }

  /** A lower cap that overrides the normal one while it is enabled. */
  interface Emergency {

    /** Whether the emergency cap applies. */
    @WithDefault("false")
    boolean enabled();

    /** Highest multiplier quoted while the emergency cap applies. */
    @WithDefault("1.5")
    double cap();
  }

  /** How cells' features are judged (the store itself is the serving core's, {@code serving.features}). */
  interface Features {

    /** A cell's hash not written for this long (wall clock of the write) counts as a calm cell. */
    @WithDefault("PT10M")
    Duration maxAge();
  }

  /** The surge model in the artifact store ({@code serving.models.dir}). */
  interface Model {

    /** The model's name in the store. */
    @WithDefault("surge")
    String name();

    /** The version to serve; when absent, the most recently published version. */
    Optional<String> version();
  }

  /** Bounds of GET /surge. */
  interface SurgeMap {

    /** Most H3 cells one bounding box may cover (about 0.74 km² each). */
    @WithDefault("400")
    int maxCells();
  }
}
