package org.ridemarket.models.eta;

/**
 * One point-in-time training row: a completed trip routed by one of the two baselines, its feature row
 * ({@code EtaFeatures.NAMES} order) as the ETA service would have built it when the rider asked, and the
 * label {@code ln(actual / baseline)}.
 *
 * @param trip the trip
 * @param pass which routing pass made the row; a {@link Pass#ROAD} row whose road route failed carries the
 *     map-free fallback (its {@code map_free_route} feature is 1), as in the service
 * @param features the model's input row
 * @param baselineSeconds the routing baseline's duration
 * @param label the residual the model learns
 */
public record EtaRow(CompletedTrip trip, Pass pass, float[] features, double baselineSeconds, double label) {

  /** The two rows of every trip. */
  public enum Pass {
    /** Routed on the road network (or its map-free fallback when the road router has no route). */
    ROAD,
    /** Routed without a map: great circle times detour, default speeds. */
    MAP_FREE
  }

  /** When the ETA was asked for (the trip's request), epoch millis: the row's time for the split. */
  public long time() {
    return trip.requestedAt();
  }

  /** What the trip actually took. */
  public double actualSeconds() {
    return trip.durationSeconds();
  }
}
