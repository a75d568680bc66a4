package org.ridemarket.models.surge;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.state.Stores;
import org.ridemarket.contracts.events.DriverLocationUpdated;
import org.ridemarket.contracts.features.SupplyDemandSnapshot;
import org.ridemarket.contracts.topics.Topic;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.models.replay.ReplayDriver;
import org.ridemarket.simulator.output.EncodedEvent;
import org.ridemarket.topologies.supplydemand.SupplyDemandSettings;
import org.ridemarket.topologies.supplydemand.SupplyDemandTopology;

/**
 * Recorded history through the very topology feature-streams runs ({@link SupplyDemandTopology#build}),
 * bounded and in one thread on a TopologyTestDriver with in-memory stores; {@link #latest()} is what
 * the Redis hashes would hold at the current point of the replay, so rows sampled from it are
 * point-in-time correct.
 *
 * <p>The driver commits after every record, which caps it near 2,000 records/s. Driver pings are
 * by far the most records and most say nothing new, so a ping is piped only when the driver's
 * status or cell changed or a keep-alive period passed since its last piped ping. The keep-alive
 * is well inside the topology's driver-silence timeout, so the features are the same as from
 * every ping (a test checks this).
 */
public final class SupplyDemandReplay implements AutoCloseable {

  /** Shorter than the driver-silence timeout, so that a thinned driver never looks gone. */
  public static final Duration PING_KEEP_ALIVE = Duration.ofSeconds(60);

  private record Piped(String cell, String status, long eventTime) {
  }

  private final ReplayDriver driver;
  private final SupplyDemandSettings settings;
  private final Duration flushStep;
  private final boolean thinPings;
  private final Map<String, Piped> lastPing = new HashMap<>();
  private final Map<String, SupplyDemandSnapshot> latest = new HashMap<>();
  private long piped;
  private long thinned;

  /** A replay with the feature-streams defaults, thinning pings. */
  public SupplyDemandReplay() {
    this(SupplyDemandSettings.defaults(), true);
  }

  /** A replay with {@code settings}; {@code thinPings} false pipes every ping (for the equivalence test). */
  public SupplyDemandReplay(SupplyDemandSettings settings, boolean thinPings) {
    this.driver = new ReplayDriver("surge-training-replay",
        () -> SupplyDemandTopology.build(settings, Stores::inMemoryKeyValueStore));
    this.settings = settings;
    this.flushStep = settings.minEmitInterval();
    this.thinPings = thinPings;
  }

  /** Feeds one recorded event; events of topics the topology does not read are ignored. */
  public void accept(EncodedEvent event) {
    Topic<String, ?> input;
    if (event.topic().equals(Topics.RIDE_REQUESTS.name())) {
      input = Topics.RIDE_REQUESTS;
    } else if (event.topic().equals(Topics.TRIP_EVENTS.name())) {
      input = Topics.TRIP_EVENTS;
    } else if (event.topic().equals(Topics.DRIVER_LOCATIONS.name())) {
      if (thinPings && !newsIn(event)) {
        thinned++;
        return;
      }
      input = Topics.DRIVER_LOCATIONS;
    } else {
      return;
    }
    driver.pipe(input, event);
    piped++;
  }

  /**
   * Each cell's newest vector so far, after letting the topology flush what its per-cell rate
   * limit held back (in production a wall-clock punctuation does that within a second).
   */
  public Map<String, SupplyDemandSnapshot> latest() {
    driver.advance(flushStep);
    for (var record : driver.drain(Topics.SUPPLY_DEMAND_FEATURES)) {
      latest.put(record.key, SupplyDemandSnapshot.fromAvro(record.value));
    }
    return Map.copyOf(latest);
  }

  /** Records piped into the topology. */
  public long piped() {
    return piped;
  }

  /** The settings the topology runs with, which a model trained on this replay records in its signature. */
  public SupplyDemandSettings settings() {
    return settings;
  }

  /** Pings left out because they told the topology nothing new. */
  public long thinned() {
    return thinned;
  }

  private boolean newsIn(EncodedEvent event) {
    DriverLocationUpdated ping = Topics.DRIVER_LOCATIONS.valueSerde().deserializer().deserialize(event.topic(),
        event.value());
    String driverId = ping.getDriverId();
    Piped previous = lastPing.get(driverId);
    Piped current = new Piped(ping.getCell(), ping.getStatus().name(), event.eventTimeMillis());
    if (previous != null && previous.cell().equals(current.cell()) && previous.status().equals(current.status())
        && current.eventTime() - previous.eventTime() < PING_KEEP_ALIVE.toMillis()) {
      return false;
    }
    lastPing.put(driverId, current);
    return true;
  }

  @Override
  public void close() {
    driver.close();
  }
}
