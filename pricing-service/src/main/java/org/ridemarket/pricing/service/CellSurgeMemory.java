package org.ridemarket.pricing.service;

import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentMap;
import org.ridemarket.pricing.config.PricingConfig;

/**
 * The multiplier each cell published last, in this instance's memory: the state of the policy's
 * hysteresis and the answer when Redis or the model fails. Bounded in size and age.
 */
@ApplicationScoped
public class CellSurgeMemory {

  private final SurgePolicy policy;
  private final ConcurrentMap<String, Double> published;

  CellSurgeMemory(PricingConfig config) {
    this.policy = SurgePolicy.from(config.surge());
    this.published = Caffeine.newBuilder()
        .maximumSize(config.surge().memoryCells())
        .expireAfterWrite(config.surge().memory())
        .<String, Double>build()
        .asMap();
  }

  /** The policy in force. */
  public SurgePolicy policy() {
    return policy;
  }

  /** Applies the policy to a fresh model value and remembers the result; atomic per cell. */
  public double publish(String cell, double raw) {
    return published.compute(cell, (key, previous) -> policy.next(raw, previous));
  }

  /** Records that a cell is calm: it publishes 1.0. */
  public double calm(String cell) {
    published.put(cell, SurgePolicy.FLOOR);
    return SurgePolicy.FLOOR;
  }

  /** The cell's last published multiplier under the cap in force now, if it is remembered. */
  public OptionalDouble lastKnown(String cell) {
    Double last = published.get(cell);
    return last == null ? OptionalDouble.empty() : OptionalDouble.of(policy.bound(last));
  }
}
