package org.ridemarket.eta.repository;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.ridemarket.eta.Eta;
import org.ridemarket.eta.EtaRange;
import org.ridemarket.eta.config.EtaConfig;
import org.ridemarket.service.deadline.Deadline;
import org.ridemarket.service.redis.FeatureStore;

/**
 * Predictions with a trip id, waiting in Redis ({@code eta:pending:{tripId}}, expiring after the
 * configured TTL) for the trip's completion, so that the join works whichever instance made the
 * prediction and whichever sees the completion, and survives restarts. A completion takes its
 * prediction with GETDEL, so a redelivered completion is not joined twice.
 */
@ApplicationScoped
public class PendingPredictions {

  private static final Duration TAKE_TIMEOUT = Duration.ofSeconds(2);

  /**
   * What the join needs of a prediction.
   *
   * @param range the ETA and its range, in seconds
   * @param degraded whether it was the baseline fallback
   */
  public record Pending(EtaRange range, boolean degraded) {
  }

  private final FeatureStore store;
  private final Duration ttl;

  PendingPredictions(FeatureStore store, EtaConfig config) {
    this.store = store;
    this.ttl = config.accuracy().pendingTtl();
  }

  /** The Redis key of a trip's pending prediction. */
  public static String key(String tripId) {
    return "eta:pending:" + tripId;
  }

  /** Remembers an ETA that has a trip id, without waiting; the latest ETA of a trip replaces earlier ones. */
  public void remember(Eta eta) {
    eta.request().trip().ifPresent(trip -> {
      EtaRange range = eta.range();
      String value = range.p10Seconds() + "," + range.etaSeconds() + "," + range.p90Seconds() + "," + eta.degraded();
      store.writeLater(redis -> redis.psetex(key(trip), ttl.toMillis(), value));
    });
  }

  /** Removes and returns the trip's prediction. */
  public Uni<Optional<Pending>> take(String tripId) {
    return store.call(redis -> redis.getdel(key(tripId)), Deadline.after(TAKE_TIMEOUT))
        .map(value -> Optional.ofNullable(value).flatMap(PendingPredictions::parse));
  }

  private static Optional<Pending> parse(String value) {
    String[] parts = value.split(",");
    if (parts.length != 4) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Pending(new EtaRange(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
          Double.parseDouble(parts[2])), Boolean.parseBoolean(parts[3])));
    } catch (RuntimeException e) {
      // Written by another version or corrupted: not joinable, never an error for the stream.
      return Optional.empty();
    }
  }
}
