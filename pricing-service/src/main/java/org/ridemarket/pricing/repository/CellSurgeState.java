package org.ridemarket.pricing.repository;

import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentMap;
import org.ridemarket.pricing.config.PricingConfig;
import org.ridemarket.pricing.service.SurgePolicy;
import org.ridemarket.service.redis.FeatureStore;

/**
 * Each cell's published multiplier, the state of the policy's hysteresis, kept in Redis
 * ({@code surge:state:{cell}}, fields {@code multiplier} and {@code at}) so that every instance applies
 * the same smoothing and a restart forgets nothing. It is read with the cell's features and written,
 * without waiting, when it changes. This instance's own copy serves only as the degraded answer when
 * Redis cannot be read.
 */
@ApplicationScoped
public class CellSurgeState {

  static final String MULTIPLIER = "multiplier";
  static final String AT = "at";

  private final SurgePolicy policy;
  private final FeatureStore store;
  private final Duration memory;
  private final ConcurrentMap<String, Double> lastKnown;

  CellSurgeState(PricingConfig config, FeatureStore store) {
    this.policy = SurgePolicy.from(config.surge());
    this.store = store;
    this.memory = config.surge().memory();
    this.lastKnown = Caffeine.newBuilder().maximumSize(config.surge().memoryCells())
        .expireAfterWrite(memory).<String, Double>build().asMap();
  }

  /** The Redis key of a cell's surge state. */
  public static String key(String cell) {
    return "surge:state:" + cell;
  }

  /** The policy in force. */
  public SurgePolicy policy() {
    return policy;
  }

  /** Applies the policy to a model value, given the cell's state hash, and publishes the result. */
  public double publish(String cell, double raw, Map<String, String> state) {
    Double held = held(state);
    return remember(cell, policy.next(raw, held), held, state);
  }

  /** A calm cell publishes 1.0. */
  public double calm(String cell, Map<String, String> state) {
    return remember(cell, SurgePolicy.FLOOR, held(state), state);
  }

  /** The cell's last multiplier known to this instance, under the cap in force now. */
  public OptionalDouble lastKnown(String cell) {
    Double last = lastKnown.get(cell);
    return last == null ? OptionalDouble.empty() : OptionalDouble.of(policy.bound(last));
  }

  private double remember(String cell, double next, Double held, Map<String, String> state) {
    lastKnown.put(cell, next);
    long now = System.currentTimeMillis();
    // Written when it changes, and refreshed before it expires so that a steady surge keeps its hysteresis.
    if (held == null || held != next || now - at(state) > memory.toMillis() / 2) {
      String key = key(cell);
      store.writeLater(redis -> {
        redis.hset(key, Map.of(MULTIPLIER, Double.toString(next), AT, Long.toString(now)));
        redis.pexpire(key, memory.toMillis());
      });
    }
    return next;
  }

  private static Double held(Map<String, String> state) {
    String value = state == null ? null : state.get(MULTIPLIER);
    if (value == null) {
      return null;
    }
    try {
      double multiplier = Double.parseDouble(value);
      return Double.isFinite(multiplier) ? multiplier : null;
    } catch (NumberFormatException e) {
      // A state nobody can read is no state: the policy starts the cell afresh.
      return null;
    }
  }

  private static long at(Map<String, String> state) {
    try {
      return state == null || state.get(AT) == null ? 0 : Long.parseLong(state.get(AT));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
