package org.ridemarket.models.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ridemarket.contracts.events.GeoPoint;
import org.ridemarket.contracts.events.Product;
import org.ridemarket.contracts.events.TripEvent;
import org.ridemarket.contracts.events.TripEventType;
import org.ridemarket.contracts.geo.Cells;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.simulator.output.EncodedEvent;
import org.ridemarket.simulator.output.KafkaSink;
import org.ridemarket.stack.LocalStack;
import org.ridemarket.stack.StackSettings;

/** A time range of the input topics on a real broker: found by offsetsForTimes, cut at its end, merged by time. */
class InputHistoryRangeTest {

  private static final Instant FROM = Instant.parse("2018-03-05T21:30:00Z");
  private static final Instant TO = Instant.parse("2018-03-05T22:30:00Z");

  @Test
  void shouldReadOnlyTheEventsOfTheRangeInEventTimeOrder(@TempDir Path state) {
    try (LocalStack stack = LocalStack.start(StackSettings.randomPorts(state.resolve("stack")))) {
      readRange(stack.endpoints().kafkaBootstrapServers());
    }
  }

  private static void readRange(String bootstrap) {
    // given trips in several cells (so several partitions) before, inside, at both ends of and after the range
    double[][] places = {{40.7505, -73.9880}, {40.7580, -73.9855}, {40.7420, -74.0010}, {40.7550, -73.9700}};
    try (KafkaSink sink = KafkaSink.oneInFlight(bootstrap, "none")) {
      int[] minutes = {-90, -31, -30, -5, 0, 10, 29, 30, 45};
      for (int i = 0; i < minutes.length; i++) {
        sink.accept(trip("t" + i, places[i % places.length], FROM.plus(Duration.ofMinutes(30 + minutes[i]))));
      }
    }

    // when the range [21:30, 22:30) is read
    List<EncodedEvent> read = InputHistory.fromKafka(bootstrap, FROM, TO, Duration.ofSeconds(30));

    // then the event at its start is in, the one at its end is out, and they come oldest first
    assertThat(read).extracting(EncodedEvent::eventTimeMillis).containsExactly(
        FROM.toEpochMilli(), at(-5), at(0), at(10), at(29));
    assertThat(read).allSatisfy(event -> assertThat(event.topic()).isEqualTo(Topics.TRIP_EVENTS.name()));
    assertThatThrownBy(() -> InputHistory.fromKafka(bootstrap, TO, FROM, Duration.ofSeconds(5)))
        .hasMessageContaining("time range is empty");
  }

  private static long at(int minutesAfterTheMiddle) {
    return FROM.plus(Duration.ofMinutes(30 + minutesAfterTheMiddle)).toEpochMilli();
  }

  private static EncodedEvent trip(String tripId, double[] place, Instant time) {
    String cell = Cells.cellOf(place[0], place[1]);
    TripEvent event = new TripEvent(UUID.randomUUID(), time, tripId, "r-" + tripId, "rider-" + tripId, null,
        TripEventType.REQUESTED, new GeoPoint(place[0], place[1]), new GeoPoint(40.7600, -73.9800), cell,
        Product.STANDARD, null, null, null, null, null);
    byte[] value = Topics.TRIP_EVENTS.valueSerde().serializer().serialize(Topics.TRIP_EVENTS.name(), event);
    return new EncodedEvent(Topics.TRIP_EVENTS.name(), cell, cell.getBytes(), value, time.toEpochMilli());
  }
}
