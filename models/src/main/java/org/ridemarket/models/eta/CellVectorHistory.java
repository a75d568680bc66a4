package org.ridemarket.models.eta;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ridemarket.contracts.features.CongestionSnapshot;

/**
 * Every congestion vector a replay emitted, per cell in event-time order, so that a row can ask what
 * Redis held for a cell at any past instant: the newest vector with an event time at or before it,
 * unless that vector is older than the sink's TTL (then the hash has expired).
 */
public final class CellVectorHistory {

  /** The Redis sink's default hash TTL (features.redis-sink.ttl): an older vector is gone. */
  public static final Duration REDIS_TTL = Duration.ofMinutes(30);

  private final Map<String, List<CongestionSnapshot>> byCell = new HashMap<>();

  /** Records a vector; the sink writes only forward in event time, so an older one is ignored. */
  public void add(CongestionSnapshot vector) {
    List<CongestionSnapshot> vectors = byCell.computeIfAbsent(vector.cell(), cell -> new ArrayList<>());
    if (vectors.isEmpty() || vector.eventTime() > vectors.get(vectors.size() - 1).eventTime()) {
      vectors.add(vector);
    }
  }

  /** The cell's vector as Redis held it at {@code time} (epoch millis); null if none or expired. */
  public CongestionSnapshot asOf(String cell, long time) {
    List<CongestionSnapshot> vectors = byCell.get(cell);
    if (vectors == null) {
      return null;
    }
    int low = 0;
    int high = vectors.size() - 1;
    int found = -1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      if (vectors.get(middle).eventTime() <= time) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    if (found < 0) {
      return null;
    }
    CongestionSnapshot vector = vectors.get(found);
    return time - vector.eventTime() > REDIS_TTL.toMillis() ? null : vector;
  }

  /** The vectors of {@code cells} as Redis held them at {@code time}: one read of a route's keys. */
  public Map<String, CongestionSnapshot> asOf(Collection<String> cells, long time) {
    Map<String, CongestionSnapshot> found = new HashMap<>();
    for (String cell : cells) {
      CongestionSnapshot vector = asOf(cell, time);
      if (vector != null) {
        found.put(cell, vector);
      }
    }
    return found;
  }

  /** Every vector recorded, by cell address, then event time. */
  public List<CongestionSnapshot> all() {
    return byCell.keySet().stream().sorted().flatMap(cell -> byCell.get(cell).stream()).toList();
  }

  /** Vectors recorded, over all cells. */
  public int size() {
    return byCell.values().stream().mapToInt(List::size).sum();
  }
}
