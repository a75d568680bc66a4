package org.ridemarket.models.eta;

import org.apache.kafka.streams.state.Stores;
import org.ridemarket.contracts.events.DriverLocationUpdated;
import org.ridemarket.contracts.features.CongestionSnapshot;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.models.replay.ReplayDriver;
import org.ridemarket.simulator.output.EncodedEvent;
import org.ridemarket.topologies.congestion.CongestionSettings;
import org.ridemarket.topologies.congestion.CongestionTopology;

/**
 * Recorded history through the very topology feature-streams runs ({@link CongestionTopology#build}), in
 * one thread on a TopologyTestDriver with in-memory stores, keeping every vector it emits in a
 * {@link CellVectorHistory}.
 *
 * <p>The driver commits after every record, so the replay leaves out the pings of parked drivers: the
 * topology drops a ping at or below the moving-speed threshold right after decoding it, before anything
 * stateful, and the simulator's pings come in event-time order, so leaving them out changes neither stream
 * time nor any vector (a test checks this). Every moving ping counts: the speeds are means over all of them.
 */
public final class CongestionReplay implements AutoCloseable {

  private static final int DRAIN_EVERY = 2_000;

  private final ReplayDriver driver;
  private final double movingSpeedMps;
  private final boolean skipParked;
  private final CellVectorHistory vectors = new CellVectorHistory();
  private long piped;
  private long skipped;

  /** A replay with the feature-streams defaults, leaving out parked drivers' pings. */
  public CongestionReplay() {
    this(CongestionSettings.defaults(), true);
  }

  /** A replay with {@code settings}; {@code skipParked} false pipes every ping (for the equivalence test). */
  public CongestionReplay(CongestionSettings settings, boolean skipParked) {
    this.driver = new ReplayDriver("eta-training-replay",
        () -> CongestionTopology.build(settings, Stores::inMemoryKeyValueStore));
    this.movingSpeedMps = settings.movingSpeedMps();
    this.skipParked = skipParked;
  }

  /** Feeds one recorded event; events of topics the topology does not read are ignored. */
  public void accept(EncodedEvent event) {
    if (event.topic().equals(Topics.TRIP_EVENTS.name())) {
      driver.pipe(Topics.TRIP_EVENTS, event);
    } else if (event.topic().equals(Topics.DRIVER_LOCATIONS.name())) {
      if (skipParked && parked(event)) {
        skipped++;
        return;
      }
      driver.pipe(Topics.DRIVER_LOCATIONS, event);
    } else {
      return;
    }
    if (++piped % DRAIN_EVERY == 0) {
      drain();
    }
  }

  /** Every vector emitted so far, by cell. */
  public CellVectorHistory vectors() {
    drain();
    return vectors;
  }

  /** Records piped into the topology. */
  public long piped() {
    return piped;
  }

  /** Pings of parked drivers left out. */
  public long skipped() {
    return skipped;
  }

  private void drain() {
    for (var record : driver.drain(Topics.CONGESTION_FEATURES)) {
      vectors.add(CongestionSnapshot.fromAvro(record.value));
    }
    driver.discardUndrained();
  }

  private boolean parked(EncodedEvent event) {
    DriverLocationUpdated ping = Topics.DRIVER_LOCATIONS.valueSerde().deserializer().deserialize(event.topic(),
        event.value());
    // the same comparison as the topology's filter; a NaN speed is not parked, so the topology judges it
    return ping.getSpeedMps() <= movingSpeedMps;
  }

  @Override
  public void close() {
    driver.close();
  }
}
