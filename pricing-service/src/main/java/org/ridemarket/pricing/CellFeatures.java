package org.ridemarket.pricing;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.ridemarket.contracts.features.SupplyDemandFeatures;
import org.ridemarket.contracts.features.SupplyDemandSnapshot;

/**
 * A cell's supply/demand vector as read from its Redis hash, with the wall-clock time it was written.
 *
 * @param snapshot the feature values in contract order, with their window's event time
 * @param updatedAt when feature-streams wrote the hash
 */
public record CellFeatures(SupplyDemandSnapshot snapshot, Instant updatedAt) {

  /**
   * Reads a hash written by feature-streams.
   *
   * @throws IllegalArgumentException naming a missing or unparsable field
   */
  public static CellFeatures fromRedisHash(String cell, Map<String, String> hash) {
    String updatedAt = hash.get(SupplyDemandFeatures.UPDATED_AT_FIELD);
    if (updatedAt == null) {
      throw new IllegalArgumentException("supply/demand hash of " + cell + " has no field "
          + SupplyDemandFeatures.UPDATED_AT_FIELD);
    }
    try {
      return new CellFeatures(SupplyDemandSnapshot.fromRedisHash(cell, hash),
          Instant.ofEpochMilli(Long.parseLong(updatedAt)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("supply/demand hash of " + cell + " has a non-numeric "
          + SupplyDemandFeatures.UPDATED_AT_FIELD + ": " + updatedAt, e);
    }
  }

  /**
   * True when the hash was written within {@code maxAge} of {@code now}. The write's wall-clock time
   * is used, not the window's event time, so that replayed or simulated history is judged by how
   * recently the stream was active, not by the dates in its events.
   */
  public boolean freshAt(Instant now, Duration maxAge) {
    return !updatedAt.plus(maxAge).isBefore(now);
  }
}
