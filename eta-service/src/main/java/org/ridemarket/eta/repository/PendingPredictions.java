package org.ridemarket.eta.repository;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.ridemarket.eta.Eta;
import org.ridemarket.eta.EtaRange;
import org.ridemarket.eta.config.EtaConfig;

/**
 * Predictions with a trip id, waiting in memory for the trip's completion: bounded in number and in
 * age, so that trips that never complete (cancelled, or asked about by another instance's caller)
 * cost nothing after a while. Per instance, and lost on restart; see the README for why that is
 * enough for a rolling accuracy.
 */
@ApplicationScoped
public class PendingPredictions {

  /**
   * What the join needs of a prediction.
   *
   * @param range the ETA and its range, in seconds
   * @param degraded whether it was the baseline fallback
   */
  public record Pending(EtaRange range, boolean degraded) {
  }

  private final Cache<String, Pending> byTrip;

  PendingPredictions(EtaConfig config) {
    this.byTrip = Caffeine.newBuilder()
        .maximumSize(config.accuracy().pendingMax())
        .expireAfterWrite(config.accuracy().pendingTtl())
        .build();
  }

  /** Remembers an ETA that has a trip id; the latest ETA of a trip replaces earlier ones. */
  public void remember(Eta eta) {
    eta.request().trip().ifPresent(trip -> byTrip.put(trip, new Pending(eta.range(), eta.degraded())));
  }

  /** Removes and returns the trip's prediction, so that a redelivered completion is not joined twice. */
  public Optional<Pending> take(String tripId) {
    return Optional.ofNullable(byTrip.asMap().remove(tripId));
  }

  /** Predictions waiting now (approximate: expired entries are removed lazily). */
  public long size() {
    return byTrip.estimatedSize();
  }
}
