package org.ridemarket.topologies.supplydemand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ridemarket.topologies.supplydemand.SupplyDemandTestDriver.T0;
import static org.ridemarket.topologies.supplydemand.SupplyDemandTopologyTest.CELL;
import static org.ridemarket.topologies.supplydemand.SupplyDemandTopologyTest.FAR;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.events.DriverStatus;
import org.ridemarket.contracts.features.SupplyDemandSnapshot;

/** The live app's topology, which hands every vector to an early writer before the features topic (ADR 0034). */
class EarlyWriteTest {

  private static Instant at(long seconds) {
    return T0.plus(Duration.ofSeconds(seconds));
  }

  @Test
  void shouldHandEveryVectorToTheEarlyWriterAsTheFeaturesTopicGetsIt() {
    Map<String, List<SupplyDemandSnapshot>> early = new LinkedHashMap<>();
    try (SupplyDemandTestDriver driver = new SupplyDemandTestDriver(SupplyDemandSettings.defaults(),
        (cell, vector) -> early.computeIfAbsent(cell, key -> new ArrayList<>())
            .add(SupplyDemandSnapshot.fromAvro(vector)))) {
      driver.request(CELL, at(5));
      driver.ping("driver-1", CELL, DriverStatus.AVAILABLE, at(6));
      driver.request(CELL, at(6));
      driver.advanceWallClock(Duration.ofMillis(100));
      driver.request(FAR, at(70));

      assertThat(early).isNotEmpty().containsKey(CELL);
      early.forEach((cell, vectors) -> assertThat(vectors).as(cell).isEqualTo(driver.vectorsOf(cell)));
      assertThat(driver.vectorCount()).isEqualTo(early.values().stream().mapToInt(List::size).sum());
    }
  }

  @Test
  void shouldReemitEveryEmittedCellAtTheFirstTwoSweepsAfterAStartWithLaterEventTimes() {
    try (SupplyDemandTestDriver live = new SupplyDemandTestDriver(SupplyDemandSettings.defaults(), (cell, v) -> { });
         SupplyDemandTestDriver replay = new SupplyDemandTestDriver()) {
      // the same input to the live app's topology and to a replay's: one request, then stream time moving on
      // elsewhere past five bucket boundaries, while the request stays in the cell's one-minute window
      for (SupplyDemandTestDriver driver : List.of(live, replay)) {
        driver.request(CELL, at(5));
        for (long seconds : new long[] {16, 27, 38, 49, 59}) {
          driver.request(FAR, at(seconds));
        }
      }

      List<SupplyDemandSnapshot> replayed = replay.vectorsOf(CELL);
      List<SupplyDemandSnapshot> reemitted = live.vectorsOf(CELL);
      assertThat(replayed).hasSize(1);
      // two more, with the replay's values: what replaces a vector of an aborted transaction written early
      assertThat(reemitted).hasSize(replayed.size() + RESTART_SWEEPS);
      assertThat(reemitted).allSatisfy(vector -> assertThat(vector.values()).isEqualTo(replayed.get(0).values()));
      for (int i = 1; i < reemitted.size(); i++) {
        assertThat(reemitted.get(i).eventTime()).isGreaterThan(reemitted.get(i - 1).eventTime());
      }
    }
  }

  @Test
  void shouldKeepTheTopologysNamesStoresAndTopicsWithTheEarlyWriter() {
    StreamsBuilder plain = new StreamsBuilder();
    SupplyDemandTopology.addTo(plain, SupplyDemandSettings.defaults(), Stores::persistentKeyValueStore);
    StreamsBuilder withEarlyWrites = new StreamsBuilder();
    SupplyDemandTopology.addTo(withEarlyWrites, SupplyDemandSettings.defaults(), Stores::persistentKeyValueStore,
        (cell, vector) -> { });

    TopologyDescription described = withEarlyWrites.build().describe();

    assertThat(described.toString()).contains(SupplyDemandTopology.EARLY_WRITE);
    // the deployed state (stores, changelogs, repartition topic, task ids) is the plain topology's
    assertThat(shape(described)).isEqualTo(shape(plain.build().describe()));
  }

  private static final int RESTART_SWEEPS = CellFeaturesProcessor.RESTART_SWEEPS;

  /** Each sub-topology's nodes with their topics and stores, the early writer left out. */
  private static List<String> shape(TopologyDescription description) {
    List<String> shape = new ArrayList<>();
    for (TopologyDescription.Subtopology subtopology : description.subtopologies()) {
      for (TopologyDescription.Node node : subtopology.nodes()) {
        if (node.name().equals(SupplyDemandTopology.EARLY_WRITE)) {
          continue;
        }
        String detail = node.getClass().getSimpleName();
        if (node instanceof TopologyDescription.Source source) {
          detail = "source " + source.topicSet();
        } else if (node instanceof TopologyDescription.Sink sink) {
          detail = "sink " + sink.topic();
        } else if (node instanceof TopologyDescription.Processor processor) {
          detail = "processor " + new TreeSet<>(processor.stores());
        }
        shape.add(subtopology.id() + " " + node.name() + " " + detail);
      }
    }
    shape.sort(String::compareTo);
    return shape;
  }
}
