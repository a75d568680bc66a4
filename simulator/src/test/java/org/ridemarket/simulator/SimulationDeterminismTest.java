package org.ridemarket.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ridemarket.simulator.output.EncodedEvent;
import org.ridemarket.simulator.output.EventFileSink;
import org.ridemarket.simulator.output.MemorySink;

class SimulationDeterminismTest {

  private static final Duration HALF_AN_HOUR = Duration.ofMinutes(30);

  @TempDir
  Path dir;

  @Test
  void shouldProduceIdenticalBytesForTheSameSeed() throws Exception {
    // given two runs of the same config, each into memory and into an event file
    SimulatorConfig first = TestRuns.config(HALF_AN_HOUR).seed(7).groundTruth(dir.resolve("a.csv")).build();
    SimulatorConfig second = first.toBuilder().groundTruth(dir.resolve("b.csv")).build();
    MemorySink memoryA = new MemorySink();
    MemorySink memoryB = new MemorySink();

    // when
    TestRuns.run(first, memoryA, new EventFileSink(dir.resolve("a.events")));
    TestRuns.run(second, memoryB, new EventFileSink(dir.resolve("b.events")));

    // then
    assertThat(memoryA.events()).hasSizeGreaterThan(10_000);
    assertThat(memoryB.events()).containsExactlyElementsOf(memoryA.events());
    assertThat(Files.mismatch(dir.resolve("a.events"), dir.resolve("b.events"))).isEqualTo(-1L);
    assertThat(Files.mismatch(dir.resolve("a.csv"), dir.resolve("b.csv"))).isEqualTo(-1L);
  }

  @Test
  void shouldProduceDifferentEventsForADifferentSeed() {
    // given
    MemorySink seven = new MemorySink();
    MemorySink eight = new MemorySink();

    // when
    TestRuns.run(TestRuns.config(HALF_AN_HOUR).seed(7).build(), seven);
    TestRuns.run(TestRuns.config(HALF_AN_HOUR).seed(8).build(), eight);

    // then no event of one run appears in the other, ids included
    Set<EncodedEvent> other = new HashSet<>(eight.events());
    assertThat(seven.events()).isNotEmpty().noneMatch(other::contains);
  }
}
