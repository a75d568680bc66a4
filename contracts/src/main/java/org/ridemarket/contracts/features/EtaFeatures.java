package org.ridemarket.contracts.features;

import java.util.List;
import java.util.Set;

/**
 * The ETA model's input row, a one-way door shared by the training job and the ETA service: one row
 * per trip, from the routing baseline of the trip and the {@link CongestionFeatures} vectors of the
 * cells its route crosses, as they were when the ETA was asked for. {@code EtaScoring} in
 * {@code routing} computes it; this class only names it.
 *
 * <ul>
 *   <li>{@value #BASELINE_SECONDS}, {@value #DISTANCE_METRES}: the router's duration and length;
 *       {@value #STRAIGHT_METRES}: the great circle from origin to destination;
 *       {@value #BASELINE_SPEED}: distance over baseline duration.
 *   <li>{@value #HOUR_OF_DAY} (fractional, local New York time of departure) and
 *       {@value #DAY_OF_WEEK} (1 = Monday).
 *   <li>{@code route_*}: route-metre-weighted means over the crossed cells that have the value; NaN when
 *       none has it. {@value #ROUTE_CONGESTION_INDEX_MIN}: the most congested crossed cell.
 *   <li>{@value #KNOWN_SHARE_15M}: share of route metres in cells with a known {@code speed_15m}.
 *   <li>{@value #ORIGIN_TRIP_SPEED_60M}, {@value #ORIGIN_TRIPS_60M}: trips are attributed to their pickup
 *       cell, so the origin cell's realised trip speed is the closest thing to "trips like this one".
 *   <li>{@value #CONGESTED_SECONDS}: the route timed cell by cell at the cells' current speeds (15-minute
 *       driver speed, else 5-minute, else 60-minute trip speed, else free-flow; a cell with none at the
 *       mean of the others); NaN when no cell has any.
 *   <li>{@value #FEATURE_AGE_SECONDS}: seconds from the newest crossed cell's vector to the time the row
 *       was made; NaN without vectors.
 *   <li>{@value #MAP_FREE_ROUTE}: 1 when the baseline came from the map-free router (no map configured,
 *       or the map had no route), 0 for the road router, so that one model corrects either baseline.
 * </ul>
 * The model predicts {@code ln(actual / baseline_seconds)}: the residual over the routing baseline.
 */
public final class EtaFeatures {

  public static final String BASELINE_SECONDS = "baseline_seconds";
  public static final String DISTANCE_METRES = "distance_metres";
  public static final String STRAIGHT_METRES = "straight_metres";
  public static final String BASELINE_SPEED = "baseline_speed";
  public static final String HOUR_OF_DAY = "hour_of_day";
  public static final String DAY_OF_WEEK = "day_of_week";
  public static final String CELLS_CROSSED = "cells_crossed";
  public static final String ROUTE_SPEED_5M = "route_speed_5m";
  public static final String ROUTE_SPEED_15M = "route_speed_15m";
  public static final String ROUTE_FREE_FLOW_SPEED = "route_free_flow_speed";
  public static final String ROUTE_CONGESTION_INDEX = "route_congestion_index";
  public static final String ROUTE_CONGESTION_INDEX_MIN = "route_congestion_index_min";
  public static final String KNOWN_SHARE_15M = "known_share_15m";
  public static final String ROUTE_TRIP_SPEED_15M = "route_trip_speed_15m";
  public static final String ROUTE_TRIP_SPEED_60M = "route_trip_speed_60m";
  public static final String ORIGIN_TRIP_SPEED_60M = "origin_trip_speed_60m";
  public static final String ORIGIN_TRIPS_60M = "origin_trips_60m";
  public static final String CONGESTED_SECONDS = "congested_seconds";
  public static final String FEATURE_AGE_SECONDS = "feature_age_seconds";
  public static final String MAP_FREE_ROUTE = "map_free_route";

  /**
   * Positions in the day and the week. An hour of served rows holds one or two values of them by construction,
   * against a training week's every value, so their drift from training (ADR 0019) would always alert and
   * says nothing: the serving core does not compare them.
   */
  public static final Set<String> CALENDAR = Set.of(HOUR_OF_DAY, DAY_OF_WEEK);

  /** The row in order; append only, never reorder or rename (model signatures follow it). */
  public static final List<String> NAMES = List.of(
      BASELINE_SECONDS, DISTANCE_METRES, STRAIGHT_METRES, BASELINE_SPEED, HOUR_OF_DAY, DAY_OF_WEEK,
      CELLS_CROSSED, ROUTE_SPEED_5M, ROUTE_SPEED_15M, ROUTE_FREE_FLOW_SPEED, ROUTE_CONGESTION_INDEX,
      ROUTE_CONGESTION_INDEX_MIN, KNOWN_SHARE_15M, ROUTE_TRIP_SPEED_15M, ROUTE_TRIP_SPEED_60M,
      ORIGIN_TRIP_SPEED_60M, ORIGIN_TRIPS_60M, CONGESTED_SECONDS, FEATURE_AGE_SECONDS, MAP_FREE_ROUTE);

  private EtaFeatures() {
  }

  /** Position of a feature in the row. */
  public static int indexOf(String name) {
    int index = NAMES.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("no ETA feature named " + name);
    }
    return index;
  }
}
