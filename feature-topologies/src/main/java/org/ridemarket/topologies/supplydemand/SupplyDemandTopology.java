package org.ridemarket.topologies.supplydemand;

import java.util.function.BiConsumer;
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
import org.ridemarket.contracts.events.RideRequested;
import org.ridemarket.contracts.events.TripEvent;
import org.ridemarket.contracts.events.TripEventType;
import org.ridemarket.contracts.features.SupplyDemandVector;
import org.ridemarket.contracts.topics.Topic;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.topologies.common.CheckedInput;
import org.ridemarket.topologies.common.InputRules;
import org.ridemarket.topologies.common.StateStores;
import org.ridemarket.topologies.supplydemand.CellDelta.Measure;

/**
 * The supply/demand topology: ride requests, completed trips and driver pings in, one feature
 * vector per H3 cell out (to the compacted features topic), bad records to the dead-letter topic.
 * The feature-streams app runs it on Kafka; training jobs replay recorded history through it.
 */
public final class SupplyDemandTopology {

  static final String RIDE_REQUESTS = Topics.RIDE_REQUESTS.name();
  static final String TRIP_EVENTS = Topics.TRIP_EVENTS.name();
  static final String DRIVER_LOCATIONS = Topics.DRIVER_LOCATIONS.name();
  static final String FEATURES = Topics.SUPPLY_DEMAND_FEATURES.name();
  static final String DEAD_LETTERS = Topics.DEAD_LETTERS.name();
  static final String DRIVER_STORE = "supply-demand-driver-store";
  static final String CELL_STORE = "supply-demand-cell-store";
  /** Kafka Streams prefixes it with the application id and suffixes it with "-repartition". */
  static final String DELTAS_BY_CELL = "supply-demand-deltas-by-cell";
  /** The node that hands each vector to the live app's early writer, before its transaction commits. */
  public static final String EARLY_WRITE = "features-early-write";

  private SupplyDemandTopology() {
  }

  /** The whole topology, on RocksDB stores; tests and replays build it with their own settings. */
  public static Topology build(SupplyDemandSettings settings) {
    return build(settings, Stores::persistentKeyValueStore);
  }

  /**
   * The whole topology on stores from {@code stores}: in-memory stores suit a TopologyTestDriver or
   * a bounded replay, which would otherwise flush RocksDB at every record's commit.
   */
  public static Topology build(SupplyDemandSettings settings, Function<String, KeyValueBytesStoreSupplier> stores) {
    StreamsBuilder builder = new StreamsBuilder();
    addTo(builder, settings, stores);
    return builder.build();
  }

  /**
   * Adds the topology to a builder that may hold others, for an app that runs several topologies in one
   * Kafka Streams application. Added first, its sub-topology numbers (and so task ids) are those of
   * {@link #build}; store, changelog and repartition names never depend on what else the builder holds.
   */
  public static void addTo(StreamsBuilder builder, SupplyDemandSettings settings,
      Function<String, KeyValueBytesStoreSupplier> stores) {
    addTo(builder, settings, stores, null);
  }

  /**
   * As {@link #addTo(StreamsBuilder, SupplyDemandSettings, Function)}, for the live app that writes each vector to
   * Redis ahead of its commit (ADR 0034): {@code early} gets every vector on the stream thread as it is emitted,
   * still uncommitted, and must not block. The cell task then also re-emits its cells at the first two stream-time
   * sweeps after it starts, so that a vector written early by a transaction that aborted is replaced by a committed
   * one with a later event time (see {@link CellFeaturesProcessor}). Stores, topics and task ids are those of the
   * other overload; a null {@code early} is that overload.
   */
  public static void addTo(StreamsBuilder builder, SupplyDemandSettings settings,
      Function<String, KeyValueBytesStoreSupplier> stores, BiConsumer<String, SupplyDemandVector> early) {
    builder.addStateStore(StateStores.cached(stores.apply(DRIVER_STORE), InternalSerdes.DRIVER_POSITION));
    builder.addStateStore(StateStores.cached(stores.apply(CELL_STORE), InternalSerdes.CELL_STATE));

    CheckedInput<RideRequested> requests =
        decoded(builder, Topics.RIDE_REQUESTS, InputRules.rideRequests(), settings, stores, "ride-requests");
    CheckedInput<TripEvent> trips =
        decoded(builder, Topics.TRIP_EVENTS, InputRules.tripEvents(), settings, stores, "trip-events");
    CheckedInput<DriverLocationUpdated> pings =
        decoded(builder, Topics.DRIVER_LOCATIONS, InputRules.driverPings(), settings, stores, "driver-pings");

    requests.rejected()
        .merge(trips.rejected(), Named.as("dead-letters-merge-trips"))
        .merge(pings.rejected(), Named.as("dead-letters-merge-pings"))
        .to(DEAD_LETTERS, Produced.with(Serdes.String(), Topics.DEAD_LETTERS.valueSerde()).withName("dead-letters-sink"));

    KStream<String, CellDelta> demand = requests.accepted().map((key, request) -> KeyValue.pair(
        request.getPickupCell(), CellDelta.self(Measure.RIDE_REQUEST, 1)), Named.as("ride-requests-to-deltas"));
    KStream<String, CellDelta> completions = trips.accepted()
        .filter((key, trip) -> trip.getType() == TripEventType.COMPLETED, Named.as("trip-events-completed-only"))
        .map((key, trip) -> KeyValue.pair(trip.getPickupCell(), CellDelta.self(Measure.COMPLETED_TRIP, 1)),
            Named.as("trip-events-to-deltas"));
    KStream<String, CellDelta> supply = pings.accepted().process(
        () -> new DriverAvailabilityProcessor(DRIVER_STORE, settings), Named.as("driver-availability"), DRIVER_STORE);

    KStream<String, CellDelta> deltas = demand.merge(completions, Named.as("deltas-merge-trips"))
        .merge(supply, Named.as("deltas-merge-drivers"))
        .process(RingFanOutProcessor::new, Named.as("ring-fan-out"))
        // one repartition by target cell: a cell's own and its ring's deltas meet in one task
        .repartition(Repartitioned.<String, CellDelta>as(DELTAS_BY_CELL)
            .withKeySerde(Serdes.String()).withValueSerde(InternalSerdes.CELL_DELTA)
            .withStreamPartitioner(new CellPartitioner()));
    KStream<String, SupplyDemandVector> vectors = deltas
        .process(() -> new CellFeaturesProcessor(CELL_STORE, settings, early != null), Named.as("cell-features"),
            CELL_STORE);
    if (early != null) {
      vectors = vectors.peek(early::accept, Named.as(EARLY_WRITE));
    }
    vectors.to(FEATURES, Produced.with(Serdes.String(), Topics.SUPPLY_DEMAND_FEATURES.valueSerde())
        .withName("features-sink"));
  }

  private static <V> CheckedInput<V> decoded(StreamsBuilder builder, Topic<String, V> topic, InputRules<V> rules,
      SupplyDemandSettings settings, Function<String, KeyValueBytesStoreSupplier> stores, String name) {
    return CheckedInput.read(builder, topic, rules, settings.grace(), settings.maxFutureSkew(), stores, name);
  }
}
