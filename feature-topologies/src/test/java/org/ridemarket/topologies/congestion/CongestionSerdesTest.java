package org.ridemarket.topologies.congestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class CongestionSerdesTest {

  private static final long T = 1_790_000_000_000L;
  private static final long WEEK = Duration.ofDays(7).toMillis();

  @Test
  void shouldRoundTripAnObservation() {
    CellObservation trip = CellObservation.trip(3000, 600);

    byte[] bytes = CongestionSerdes.CELL_OBSERVATION.serializer().serialize("t", trip);

    assertThat(bytes).hasSize(10);
    assertThat(CongestionSerdes.CELL_OBSERVATION.deserializer().deserialize("t", bytes)).isEqualTo(trip);
  }

  @Test
  void shouldRoundTripACellStateWithTheSameValues() {
    // given a cell with pings, a trip and an emitted vector
    CellCongestion state = new CellCongestion();
    for (int i = 0; i < 150; i++) {
      state.observe(CellObservation.ping(5 + i * 0.05), T + i * 1000L, WEEK);
    }
    state.observe(CellObservation.trip(4000, 500), T + 2000, WEEK);
    state.emitted(T + 150_000, state.valuesAt(T + 150_000, 100));

    // when it goes through the store's serde
    CellCongestion read = CongestionSerdes.CELL_STATE.deserializer().deserialize("t",
        CongestionSerdes.CELL_STATE.serializer().serialize("t", state));

    // then it reads the same values and remembers what it emitted
    assertThat(read.valuesAt(T + 200_000, 100)).containsExactly(state.valuesAt(T + 200_000, 100));
    assertThat(read.changed(state.valuesAt(T + 150_000, 100))).isFalse();
    assertThat(read.lastEmittedAt()).isEqualTo(T + 150_000);
    assertThat(read.latestObservation()).isEqualTo(T + 149_000);
  }

  @Test
  void shouldRefuseAnUnknownStateFormat() {
    byte[] bytes = new CellCongestion().toBytes();
    bytes[0] = 9;

    assertThatThrownBy(() -> CongestionSerdes.CELL_STATE.deserializer().deserialize("t", bytes))
        .isInstanceOf(SerializationException.class).hasMessageContaining("cell congestion state format 9");
  }

  @Test
  void shouldFindThePercentileInsideItsBinAndHalveTheWeightEachHalfLife() {
    // given 100 speeds spread evenly over 10 to 15 m/s
    SpeedHistogram histogram = new SpeedHistogram();
    for (int i = 0; i < 100; i++) {
      histogram.add(T, 10 + i * 0.05, WEEK);
    }
    assertThat(histogram.percentile(0.85)).isCloseTo(14.25, within(0.05));
    assertThat(histogram.weight()).isEqualTo(100.0);

    // when a week of days passes, then the weight halves and the shape, so the percentile, stays
    assertThat(histogram.decayTo(T + WEEK, WEEK)).isTrue();
    assertThat(histogram.weight()).isCloseTo(50.0, within(1e-9));
    assertThat(histogram.percentile(0.85)).isCloseTo(14.25, within(0.05));
    assertThat(histogram.decayTo(T + WEEK + 1000, WEEK)).as("same day").isFalse();
  }
}
