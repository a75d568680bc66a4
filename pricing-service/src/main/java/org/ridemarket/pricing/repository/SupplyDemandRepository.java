package org.ridemarket.pricing.repository;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ridemarket.contracts.features.SupplyDemandFeatures;
import org.ridemarket.service.deadline.Deadline;
import org.ridemarket.service.redis.FeatureStore;

/**
 * Reads what pricing needs of each cell in one pipelined round trip: its supply/demand hash
 * ({@code features:sd:{cell}}, written by feature-streams, which already holds the ring aggregates) and
 * its surge state ({@link CellSurgeState#key}). Hashes are returned raw; parsing is CPU work for the
 * decision pool.
 */
@ApplicationScoped
public class SupplyDemandRepository {

  private final FeatureStore store;

  SupplyDemandRepository(FeatureStore store) {
    this.store = store;
  }

  /**
   * The cells' hashes.
   *
   * @return a Uni that fails with {@link org.ridemarket.service.redis.FeatureStoreException} when Redis is
   *     down or slower than the deadline
   */
  @WithSpan("SupplyDemandRepository.findAll")
  public Uni<CellReadings> findAll(List<String> cells, Deadline deadline) {
    List<String> keys = new ArrayList<>(cells.size() * 2);
    for (String cell : cells) {
      keys.add(SupplyDemandFeatures.redisKey(cell));
      keys.add(CellSurgeState.key(cell));
    }
    return store.read(keys, deadline).map(hashes -> new CellReadings(cells, hashes));
  }

  /** The raw hashes of a read, two per cell: features, then surge state. */
  public record CellReadings(List<String> cells, List<Map<String, String>> hashes) {

    /** The supply/demand hash of the i-th cell (empty when it has none). */
    public Map<String, String> features(int i) {
      return hashes.get(2 * i);
    }

    /** The surge state hash of the i-th cell (empty when it has none). */
    public Map<String, String> state(int i) {
      return hashes.get(2 * i + 1);
    }
  }
}
