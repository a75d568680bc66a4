package org.ridemarket.eta.repository;

import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ridemarket.service.deadline.Deadline;
import org.ridemarket.service.redis.FeatureStore;
import org.ridemarket.service.redis.FeatureStoreException;
import org.ridemarket.contracts.features.CongestionFeatures;
import org.ridemarket.contracts.features.CongestionSnapshot;

/**
 * Reads the congestion hashes ({@code features:cong:{cell}}, written by feature-streams) of every cell
 * a route crosses in one pipelined round trip under the request's deadline.
 */
@ApplicationScoped
public class CongestionRepository {

  private final FeatureStore store;

  CongestionRepository(FeatureStore store) {
    this.store = store;
  }

  /**
   * The raw hashes of these cells, in order (empty for a cell without one).
   *
   * @return a Uni that fails with {@link FeatureStoreException} when Redis is down or slower than the deadline
   */
  @WithSpan("CongestionRepository.findAll")
  public Uni<List<Map<String, String>>> findAll(@SpanAttribute("cells") List<String> cells, Deadline deadline) {
    return store.read(cells.stream().map(CongestionFeatures::redisKey).toList(), deadline);
  }

  /**
   * The vectors of a read. A cell without a hash is unknown; a hash that does not parse is reported in
   * {@link CongestionReading#malformed()} and also unknown, so that one bad writer does not degrade every
   * ETA that crosses its cell. CPU work: for the decision pool.
   */
  public static CongestionReading parse(List<String> cells, List<Map<String, String>> hashes) {
    return parseAll(cells, hashes);
  }

  private static CongestionReading parseAll(List<String> cells, List<Map<String, String>> hashes) {
    Map<String, CongestionSnapshot> snapshots = new HashMap<>();
    List<String> malformed = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      Map<String, String> hash = hashes.get(i);
      if (hash == null || hash.isEmpty()) {
        continue;
      }
      try {
        snapshots.put(cells.get(i), CongestionSnapshot.fromRedisHash(cells.get(i), hash));
      } catch (IllegalArgumentException e) {
        malformed.add(cells.get(i) + ": " + e.getMessage());
      }
    }
    return new CongestionReading(snapshots, malformed, System.currentTimeMillis());
  }
}
