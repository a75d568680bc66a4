package org.ridemarket.topologies.supplydemand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.ridemarket.topologies.supplydemand.CellDelta.Measure;

class InternalSerdesTest {

  private static final long T = 1_795_000_000_000L;

  @Test
  void shouldRestoreACellStateExactly() {
    // given a cell with requests in several buckets, drivers, and an emission behind it
    CellState state = new CellState();
    state.apply(CellDelta.self(Measure.RIDE_REQUEST, 1), T, T);
    state.apply(CellDelta.self(Measure.RIDE_REQUEST, 1).toRing(), T + 35_000, T + 35_000);
    state.apply(CellDelta.self(Measure.COMPLETED_TRIP, 1), T + 70_000, T + 70_000);
    state.apply(CellDelta.self(Measure.AVAILABLE_DRIVER, 2), T + 70_000, T + 70_000);
    state.emitted(T + 70_000, state.aggregatesAt(T + 70_000));

    // when it goes through the changelog format
    CellState restored = roundTrip(state);

    // then every window and the emission bookkeeping survive
    for (long at = T; at < T + 20 * 60_000; at += 10_000) {
      assertThat(restored.aggregatesAt(at)).as("at +%d s", (at - T) / 1000).isEqualTo(state.aggregatesAt(at));
    }
    assertThat(restored.lastEmittedAt()).isEqualTo(T + 70_000);
    assertThat(restored.lastEmitted()).isEqualTo(state.lastEmitted());
  }

  @Test
  void shouldRoundTripDeltasAndDriverPositions() {
    CellDelta delta = CellDelta.self(Measure.AVAILABLE_DRIVER, -1).toRing();
    DriverPosition driver = new DriverPosition(true, "882a100d65fffff", T);

    assertThat(InternalSerdes.CELL_DELTA.deserializer().deserialize("t",
        InternalSerdes.CELL_DELTA.serializer().serialize("t", delta))).isEqualTo(delta);
    assertThat(InternalSerdes.DRIVER_POSITION.deserializer().deserialize("t",
        InternalSerdes.DRIVER_POSITION.serializer().serialize("t", driver))).isEqualTo(driver);
  }

  @Test
  void shouldRefuseAFormatItDoesNotKnow() {
    byte[] future = InternalSerdes.CELL_DELTA.serializer().serialize("t", CellDelta.TICK);
    future[0] = 9;

    assertThatThrownBy(() -> InternalSerdes.CELL_DELTA.deserializer().deserialize("t", future))
        .isInstanceOf(SerializationException.class).hasMessageContaining("format 9");
  }

  private static CellState roundTrip(CellState state) {
    return InternalSerdes.CELL_STATE.deserializer().deserialize("t",
        InternalSerdes.CELL_STATE.serializer().serialize("t", state));
  }
}
