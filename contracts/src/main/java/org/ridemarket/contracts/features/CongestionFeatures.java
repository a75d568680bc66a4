package org.ridemarket.contracts.features;

import java.util.List;

/**
 * The road congestion feature vector of an H3 resolution-8 cell, a one-way door shared by the stream
 * writer, the training job and the ETA service: the ordered feature names, how the congestion index
 * is defined, and where the vector lives in Redis.
 *
 * <p>Speeds are metres per second. Driver windows (5 and 15 minutes) average the pings of moving
 * drivers; trip windows (15 and 60 minutes) average the realised speed of completed trips, attributed
 * to their pickup cell because a trip event does not carry its path. Windows end at the vector's event
 * time. A value that does not exist (no moving driver, no learned free-flow speed) is NaN.
 *
 * <p>Redis: one hash per cell at {@code features:cong:{cell}}, one field per feature name (decimal
 * text, as {@link Double#toString(double)} writes it, {@code NaN} included), plus
 * {@value #EVENT_TIME_FIELD} (epoch millis of the vector's event time) and {@value #UPDATED_AT_FIELD}
 * (epoch millis of the write). A write applies only if its event time is newer than the stored one.
 */
public final class CongestionFeatures {

  public static final String SPEED_5M = "speed_5m";
  public static final String MOVING_PINGS_5M = "moving_pings_5m";
  public static final String SPEED_15M = "speed_15m";
  public static final String MOVING_PINGS_15M = "moving_pings_15m";
  public static final String FREE_FLOW_SPEED = "free_flow_speed";
  public static final String FREE_FLOW_WEIGHT = "free_flow_weight";
  public static final String CONGESTION_INDEX = "congestion_index";
  public static final String TRIP_SPEED_15M = "trip_speed_15m";
  public static final String TRIPS_15M = "trips_15m";
  public static final String TRIP_SPEED_60M = "trip_speed_60m";
  public static final String TRIPS_60M = "trips_60m";

  /** The features in vector order; append only, never reorder or rename (the Avro schema and models follow it). */
  public static final List<String> NAMES = List.of(
      SPEED_5M, MOVING_PINGS_5M, SPEED_15M, MOVING_PINGS_15M, FREE_FLOW_SPEED, FREE_FLOW_WEIGHT,
      CONGESTION_INDEX, TRIP_SPEED_15M, TRIPS_15M, TRIP_SPEED_60M, TRIPS_60M);

  /** Prefix of the per-cell Redis hash. */
  public static final String REDIS_KEY_PREFIX = "features:cong:";
  /** Hash field with the vector's event time, epoch millis; writes only ever move it forward. */
  public static final String EVENT_TIME_FIELD = FeatureVectors.EVENT_TIME_FIELD;
  /** Hash field with the wall-clock time of the write, epoch millis. */
  public static final String UPDATED_AT_FIELD = FeatureVectors.UPDATED_AT_FIELD;

  private CongestionFeatures() {
  }

  /** The Redis key of a cell's hash: {@code features:cong:882a100d65fffff}. */
  public static String redisKey(String cell) {
    return REDIS_KEY_PREFIX + cell;
  }

  /** Position of a feature in the vector. */
  public static int indexOf(String name) {
    int index = NAMES.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("no congestion feature named " + name);
    }
    return index;
  }

  /**
   * {@value #CONGESTION_INDEX}: the 15-minute mean speed over the free-flow speed, 1.0 when either is
   * unknown (NaN) or the free-flow speed is not positive, so a model reads "no evidence of congestion".
   */
  public static double congestionIndex(double speed15m, double freeFlowSpeed) {
    if (Double.isNaN(speed15m) || Double.isNaN(freeFlowSpeed) || freeFlowSpeed <= 0) {
      return 1.0;
    }
    return speed15m / freeFlowSpeed;
  }
}
