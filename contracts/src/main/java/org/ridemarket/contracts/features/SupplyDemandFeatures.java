package org.ridemarket.contracts.features;

import java.util.List;

/**
 * The supply/demand feature vector of an H3 resolution-8 cell, a one-way door shared by the stream
 * writer, the training job and the pricing service: the ordered feature names, how the derived
 * features are defined, and where the vector lives in Redis.
 *
 * <p>Windows end at the vector's event time and move in 10-second steps. The ring of a cell is
 * its 6 neighbours at grid distance 1 (5 for a pentagon), without the cell itself.
 *
 * <p>Redis: one hash per cell at {@code features:sd:{cell}}, one field per feature name (decimal
 * text, as {@link Double#toString(double)} writes it), plus {@value #EVENT_TIME_FIELD} (epoch
 * millis of the vector's event time) and {@value #UPDATED_AT_FIELD} (epoch millis of the write).
 * A write applies only if its event time is newer than the stored one; a hash that is not
 * refreshed expires, so a missing key means a cell without recent activity.
 */
public final class SupplyDemandFeatures {

  public static final String REQUESTS_1M = "requests_1m";
  public static final String REQUESTS_5M = "requests_5m";
  public static final String REQUESTS_15M = "requests_15m";
  public static final String COMPLETED_TRIPS_15M = "completed_trips_15m";
  public static final String AVAILABLE_DRIVERS = "available_drivers";
  public static final String RING_REQUESTS_5M = "ring_requests_5m";
  public static final String RING_REQUESTS_15M = "ring_requests_15m";
  public static final String RING_AVAILABLE_DRIVERS = "ring_available_drivers";
  public static final String RING_COMPLETED_TRIPS_15M = "ring_completed_trips_15m";
  public static final String TREND_5M_15M = "trend_5m_15m";
  public static final String DEMAND_SUPPLY_5M = "demand_supply_5m";
  public static final String RING_DEMAND_SUPPLY_5M = "ring_demand_supply_5m";

  /** The features in vector order; append only, never reorder or rename (models depend on it). */
  public static final List<String> NAMES = List.of(
      REQUESTS_1M, REQUESTS_5M, REQUESTS_15M, COMPLETED_TRIPS_15M, AVAILABLE_DRIVERS,
      RING_REQUESTS_5M, RING_REQUESTS_15M, RING_AVAILABLE_DRIVERS, RING_COMPLETED_TRIPS_15M,
      TREND_5M_15M, DEMAND_SUPPLY_5M, RING_DEMAND_SUPPLY_5M);

  /** Prefix of the per-cell Redis hash. */
  public static final String REDIS_KEY_PREFIX = "features:sd:";
  /** Hash field with the vector's event time, epoch millis; writes only ever move it forward. */
  public static final String EVENT_TIME_FIELD = FeatureVectors.EVENT_TIME_FIELD;
  /** Hash field with the wall-clock time of the write, epoch millis. */
  public static final String UPDATED_AT_FIELD = FeatureVectors.UPDATED_AT_FIELD;

  private SupplyDemandFeatures() {
  }

  /** The Redis key of a cell's hash. */
  public static String redisKey(String cell) {
    return REDIS_KEY_PREFIX + cell;
  }

  /** Position of a feature in the vector. */
  public static int indexOf(String name) {
    int index = NAMES.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("no supply/demand feature named " + name);
    }
    return index;
  }

  /** {@value #TREND_5M_15M}: the 5-minute request rate over the 15-minute rate, 1.0 without history. */
  public static double trend(double requests5m, double requests15m) {
    return requests15m <= 0 ? 1.0 : (requests5m / 5.0) / (requests15m / 15.0);
  }

  /** {@value #DEMAND_SUPPLY_5M} and its ring variant: requests per available driver, at least one driver. */
  public static double demandSupply(double requests5m, double availableDrivers) {
    return requests5m / Math.max(availableDrivers, 1.0);
  }
}
