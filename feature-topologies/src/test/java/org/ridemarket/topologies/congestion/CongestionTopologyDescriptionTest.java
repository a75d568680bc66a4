package org.ridemarket.topologies.congestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Golden test: store, changelog and repartition names are part of the deployed state, so any
 * change to the described topology must be deliberate. After an intended change, copy
 * target/congestion-topology.actual.txt over src/test/resources/congestion-topology.txt.
 */
class CongestionTopologyDescriptionTest {

  private static final String GOLDEN = "/congestion-topology.txt";

  @Test
  void shouldDescribeTheCommittedTopology() throws IOException {
    String actual = CongestionTopology.build(CongestionSettings.defaults()).describe().toString();
    Files.writeString(Path.of("target", "congestion-topology.actual.txt"), actual, StandardCharsets.UTF_8);

    assertThat(actual).as("topology.describe() against " + GOLDEN).isEqualTo(golden());
  }

  private static String golden() throws IOException {
    try (InputStream in = CongestionTopologyDescriptionTest.class.getResourceAsStream(GOLDEN)) {
      assertThat(in).as(GOLDEN + " on the test classpath").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
