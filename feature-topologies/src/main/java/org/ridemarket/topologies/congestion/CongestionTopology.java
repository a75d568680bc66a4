package org.ridemarket.topologies.congestion;

import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;
import org.ridemarket.contracts.events.DriverLocationUpdated;
import org.ridemarket.contracts.events.TripEvent;
import org.ridemarket.contracts.events.TripEventType;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.topologies.common.CheckedInput;
import org.ridemarket.topologies.common.InputRules;
import org.ridemarket.topologies.common.StateStores;

/**
 * The congestion topology: driver pings and trip events in, one vector of road speeds per H3 cell out
 * (to the compacted features topic) on a stream-time sweep, bad and too-late records to the dead-letter
 * topic. Every name is prefixed by "congestion-". It reads the same topics as the supply/demand
 * topology, and Kafka Streams lets one topology read a topic from one source only, so it runs as its
 * own application, not in supply/demand's builder.
 */
public final class CongestionTopology {

  static final String DRIVER_LOCATIONS = Topics.DRIVER_LOCATIONS.name();
  static final String TRIP_EVENTS = Topics.TRIP_EVENTS.name();
  static final String FEATURES = Topics.CONGESTION_FEATURES.name();
  static final String DEAD_LETTERS = Topics.DEAD_LETTERS.name();
  static final String CELL_STORE = "congestion-cell-store";
  /** Kafka Streams prefixes it with the application id and suffixes it with "-repartition". */
  static final String OBSERVATIONS_BY_CELL = "congestion-observations-by-cell";

  private CongestionTopology() {
  }

  /** The whole topology, on RocksDB stores. */
  public static Topology build(CongestionSettings settings) {
    return build(settings, Stores::persistentKeyValueStore);
  }

  /**
   * The whole topology on stores from {@code stores}: in-memory stores suit a TopologyTestDriver or
   * a bounded replay, which would otherwise flush RocksDB at every record's commit.
   */
  public static Topology build(CongestionSettings settings, Function<String, KeyValueBytesStoreSupplier> stores) {
    StreamsBuilder builder = new StreamsBuilder();
    addTo(builder, settings, stores);
    return builder.build();
  }

  /**
   * Adds the topology to a builder that may hold others that do not read {@code drivers.locations} or
   * {@code trips.events} (velocity, say). Sub-topology numbers (and so task ids) then depend on what
   * else the builder holds; store, changelog and repartition names do not.
   */
  public static void addTo(StreamsBuilder builder, CongestionSettings settings,
      Function<String, KeyValueBytesStoreSupplier> stores) {
    builder.addStateStore(StateStores.cached(stores.apply(CELL_STORE), CongestionSerdes.CELL_STATE));

    CheckedInput<DriverLocationUpdated> pings = CheckedInput.read(builder, Topics.DRIVER_LOCATIONS,
        InputRules.driverSpeeds(), settings.grace(), settings.maxFutureSkew(), stores, "congestion-driver-pings");
    CheckedInput<TripEvent> trips = CheckedInput.read(builder, Topics.TRIP_EVENTS, InputRules.tripSpeeds(),
        settings.grace(), settings.maxFutureSkew(), stores, "congestion-trip-events");
    pings.rejected()
        .merge(trips.rejected(), Named.as("congestion-dead-letters-merge-trips"))
        .to(DEAD_LETTERS, Produced.with(Serdes.String(), Topics.DEAD_LETTERS.valueSerde())
            .withName("congestion-dead-letters-sink"));

    KStream<String, CellObservation> moving = pings.accepted()
        // a parked phone's GPS jitter reads a few tenths of a m/s: it measures a waiting driver, not the road
        .filter((key, ping) -> ping.getSpeedMps() > settings.movingSpeedMps(), Named.as("congestion-moving-only"))
        .map((key, ping) -> KeyValue.pair(ping.getCell(), CellObservation.ping(ping.getSpeedMps())),
            Named.as("congestion-pings-to-observations"));
    KStream<String, CellObservation> completed = trips.accepted()
        .filter((key, trip) -> trip.getType() == TripEventType.COMPLETED, Named.as("congestion-completed-only"))
        // the event carries no path: the whole trip's speed is attributed to its pickup cell
        .map((key, trip) -> KeyValue.pair(trip.getPickupCell(),
            CellObservation.trip(trip.getDistanceMeters(), trip.getDurationSeconds())),
            Named.as("congestion-trips-to-observations"));

    moving.merge(completed, Named.as("congestion-observations-merge-trips"))
        // one repartition by cell: pings are keyed by driver, and trips' keys are not checked against pickupCell
        .repartition(Repartitioned.<String, CellObservation>as(OBSERVATIONS_BY_CELL)
            .withKeySerde(Serdes.String()).withValueSerde(CongestionSerdes.CELL_OBSERVATION))
        .process(() -> new CellCongestionProcessor(CELL_STORE, settings), Named.as("congestion-cell-features"),
            CELL_STORE)
        .to(FEATURES, Produced.with(Serdes.String(), Topics.CONGESTION_FEATURES.valueSerde())
            .withName("congestion-features-sink"));
  }
}
