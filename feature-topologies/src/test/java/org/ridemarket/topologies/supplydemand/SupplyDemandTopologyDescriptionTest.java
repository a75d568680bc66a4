package org.ridemarket.topologies.supplydemand;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.ridemarket.topologies.velocity.VelocitySettings;
import org.ridemarket.topologies.velocity.VelocityTopology;

/**
 * Golden test: store, changelog and repartition names are part of the deployed state, so any
 * change to the described topology must be deliberate. After an intended change, copy
 * target/supply-demand-topology.actual.txt over src/test/resources/supply-demand-topology.txt.
 */
class SupplyDemandTopologyDescriptionTest {

  private static final String GOLDEN = "/supply-demand-topology.txt";
  private static final String VELOCITY_GOLDEN = "/velocity-topology.txt";

  @Test
  void shouldDescribeTheCommittedTopology() throws IOException {
    String actual = SupplyDemandTopology.build(SupplyDemandSettings.defaults()).describe().toString();
    Files.writeString(Path.of("target", "supply-demand-topology.actual.txt"), actual, StandardCharsets.UTF_8);

    assertThat(actual).as("topology.describe() against " + GOLDEN).isEqualTo(golden());
  }

  @Test
  void shouldKeepItsNamesAndNumbersWhenTheVelocityTopologyIsAddedAfterIt() throws IOException {
    // given the builder of feature-streams, which runs both topologies in one application
    StreamsBuilder builder = new StreamsBuilder();
    SupplyDemandTopology.addTo(builder, SupplyDemandSettings.defaults(), Stores::persistentKeyValueStore);
    VelocityTopology.addTo(builder, VelocitySettings.defaults(), Stores::persistentKeyValueStore);

    // when it is described
    String actual = builder.build().describe().toString();
    Files.writeString(Path.of("target", "feature-streams-topology.actual.txt"), actual, StandardCharsets.UTF_8);

    // then supply/demand is described as when alone, and velocity follows with the next sub-topology numbers
    String supplyDemand = golden(GOLDEN);
    int supplyDemandSubTopologies = supplyDemand.split("Sub-topology: ", -1).length - 1;
    String velocity = golden(VELOCITY_GOLDEN).replaceFirst("^Topologies:\n ", "")
        .replace("Sub-topology: 1", "Sub-topology: " + (supplyDemandSubTopologies + 1))
        .replace("Sub-topology: 0", "Sub-topology: " + supplyDemandSubTopologies);
    assertThat(actual).isEqualTo(supplyDemand + velocity);
  }

  private static String golden() throws IOException {
    return golden(GOLDEN);
  }

  private static String golden(String resource) throws IOException {
    try (InputStream in = SupplyDemandTopologyDescriptionTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource + " on the test classpath").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
