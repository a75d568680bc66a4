package org.ridemarket.simulator.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ridemarket.contracts.topics.Topic;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.simulator.TestRuns;

class EventFileRoundTripTest {

  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"run.events", "run.events.gz"})
  void shouldReadBackExactlyWhatWasWritten(String name) {
    // given a run written to memory and to an event log at once
    MemorySink memory = new MemorySink();
    Path log = dir.resolve(name);
    TestRuns.run(TestRuns.config(Duration.ofMinutes(20)).seed(5).build(), memory, new EventFileSink(log));

    // when
    List<EncodedEvent> replayed = EventFileReader.readAll(log);

    // then the same events in the same order, and each value decodes to the original record
    assertThat(replayed).hasSizeGreaterThan(5_000).containsExactlyElementsOf(memory.events());
    assertThat(replayed).extracting(EncodedEvent::topic).contains(
        Topics.RIDE_REQUESTS.name(), Topics.DRIVER_LOCATIONS.name(), Topics.TRIP_EVENTS.name(), Topics.PAYMENTS.name());
    for (int i = 0; i < replayed.size(); i++) {
      Topic<?, ?> topic = Topics.named(replayed.get(i).topic());
      assertThat(decode(topic, replayed.get(i))).isEqualTo(decode(topic, memory.events().get(i)));
      assertThat(replayed.get(i).key()).isEqualTo(memory.events().get(i).key());
    }
  }

  @Test
  void shouldRefuseAFileThatIsNotAnEventLog() throws IOException {
    // given
    Path notALog = Files.writeString(dir.resolve("x.events"), "hello, world");

    // then
    assertThatThrownBy(() -> new EventFileReader(notALog)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a ridemarket event log");
  }

  @Test
  void shouldReportATruncatedLog() throws IOException {
    // given a log cut in the middle of its last record
    Path log = dir.resolve("cut.events");
    try (EventFileSink sink = new EventFileSink(log)) {
      sink.accept(new EncodedEvent("rides.requests", "k", new byte[] {'k'}, new byte[] {1, 2, 3, 4, 5}, 1_000));
      sink.accept(new EncodedEvent("rides.requests", "k", new byte[] {'k'}, new byte[] {6, 7, 8, 9, 10}, 2_000));
    }
    byte[] bytes = Files.readAllBytes(log);
    Files.write(log, Arrays.copyOf(bytes, bytes.length - 2));

    // when
    EventFileReader reader = new EventFileReader(log);

    // then the first record is fine, the second is reported
    assertThat(reader.next().eventTimeMillis()).isEqualTo(1_000);
    assertThatThrownBy(reader::next).isInstanceOf(UncheckedIOException.class).hasMessageContaining("truncated");
  }

  private static SpecificRecord decode(Topic<?, ?> topic, EncodedEvent event) {
    return (SpecificRecord) topic.valueSerde().deserializer().deserialize(topic.name(), event.value());
  }
}
