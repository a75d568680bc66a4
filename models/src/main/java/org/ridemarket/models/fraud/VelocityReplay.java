package org.ridemarket.models.fraud;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.state.Stores;
import org.ridemarket.contracts.features.VelocitySnapshot;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.models.replay.ReplayDriver;
import org.ridemarket.simulator.output.EncodedEvent;
import org.ridemarket.topologies.velocity.VelocitySettings;
import org.ridemarket.topologies.velocity.VelocityTopology;

/**
 * Recorded payments and fraud labels through the very topology feature-streams runs ({@link VelocityTopology#build}), in one
 * thread on a TopologyTestDriver with in-memory stores; {@link #latest(String)} is what the entity's Redis
 * hash would hold at the current point of the replay (newest event time wins, as the sink's writes do, and
 * a hash not written for {@link #REDIS_TTL} has expired).
 */
public final class VelocityReplay implements AutoCloseable {

  /** The velocity sink's default hash TTL (features.velocity.redis-sink.ttl): an older vector is gone. */
  public static final Duration REDIS_TTL = Duration.ofDays(30).plusHours(1);

  private static final int DISCARD_EVERY = 10_000;

  private final ReplayDriver driver;
  private final VelocitySettings settings;
  private final Map<String, VelocitySnapshot> latest = new HashMap<>();
  private long piped;

  /** A replay with the feature-streams defaults. */
  public VelocityReplay() {
    this(VelocitySettings.defaults());
  }

  /** A replay with {@code settings}. */
  public VelocityReplay(VelocitySettings settings) {
    this.settings = settings;
    this.driver = new ReplayDriver("fraud-training-replay",
        () -> VelocityTopology.build(settings, Stores::inMemoryKeyValueStore));
  }

  /**
   * Feeds one recorded event; events of other topics than payments and fraud labels are ignored. Labels go in
   * at their own event time (their arrival), as feature-streams reads them.
   */
  public void accept(EncodedEvent event) {
    if (event.topic().equals(Topics.PAYMENTS.name())) {
      driver.pipe(Topics.PAYMENTS, event);
    } else if (event.topic().equals(Topics.FRAUD_LABELS.name())) {
      driver.pipe(Topics.FRAUD_LABELS, event);
    } else {
      return;
    }
    // the test driver keeps every changelog and repartition record until read: months of history fill any heap
    if (++piped % DISCARD_EVERY == 0) {
      drain();
      driver.discardUndrained();
    }
  }

  /**
   * The entity's vector as Redis would serve it at {@code time} (epoch millis), from what the topology has
   * emitted so far; null if it never emitted one or the hash has expired.
   */
  public VelocitySnapshot latest(String recordKey, long time) {
    drain();
    VelocitySnapshot vector = latest.get(recordKey);
    return vector == null || time - vector.eventTime() > REDIS_TTL.toMillis() ? null : vector;
  }

  /** Every entity's newest vector so far, by record key, as the forward-only sink would have written it. */
  public Map<String, VelocitySnapshot> latest() {
    drain();
    return Map.copyOf(latest);
  }

  private void drain() {
    for (var record : driver.drain(Topics.VELOCITY_FEATURES)) {
      VelocitySnapshot vector = VelocitySnapshot.fromAvro(record.value);
      VelocitySnapshot stored = latest.get(record.key);
      // the sink writes only forward in event time
      if (stored == null || vector.eventTime() > stored.eventTime()) {
        latest.put(record.key, vector);
      }
    }
  }

  /** The settings the topology runs with, which a model trained on this replay records in its signature. */
  public VelocitySettings settings() {
    return settings;
  }

  /** Payments and labels piped into the topology. */
  public long piped() {
    return piped;
  }

  @Override
  public void close() {
    driver.close();
  }
}
