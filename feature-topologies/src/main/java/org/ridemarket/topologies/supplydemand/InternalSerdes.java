package org.ridemarket.topologies.supplydemand;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serde;
import org.ridemarket.topologies.common.BinaryFormats;

/**
 * Serdes of the topology's own records: the repartition topic's deltas and the state stores'
 * values (and so their changelogs). Not contracts: only this app reads them, but each starts with a
 * version byte ({@link BinaryFormats}).
 */
final class InternalSerdes {

  static final Serde<CellDelta> CELL_DELTA =
      BinaryFormats.serde(InternalSerdes::encodeDelta, InternalSerdes::decodeDelta);
  static final Serde<DriverPosition> DRIVER_POSITION =
      BinaryFormats.serde(InternalSerdes::encodeDriver, InternalSerdes::decodeDriver);
  static final Serde<CellState> CELL_STATE = BinaryFormats.serde(CellState::toBytes, CellState::fromBytes);

  private static final byte DELTA_FORMAT = 1;
  private static final byte DRIVER_FORMAT = 1;

  private InternalSerdes() {
  }

  static void writeAggregates(DataOutput out, CellAggregates a) throws IOException {
    for (int value : new int[] {a.requests1m(), a.requests5m(), a.requests15m(), a.completedTrips15m(),
        a.availableDrivers(), a.ringRequests5m(), a.ringRequests15m(), a.ringAvailableDrivers(),
        a.ringCompletedTrips15m()}) {
      out.writeInt(value);
    }
  }

  static CellAggregates readAggregates(DataInput in) throws IOException {
    return new CellAggregates(in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt(),
        in.readInt(), in.readInt(), in.readInt(), in.readInt());
  }

  private static byte[] encodeDelta(CellDelta delta) {
    return ByteBuffer.allocate(7).put(DELTA_FORMAT).put(delta.measure().code).put(delta.scope().code)
        .putInt(delta.amount()).array();
  }

  private static CellDelta decodeDelta(byte[] data) {
    ByteBuffer in = ByteBuffer.wrap(data);
    BinaryFormats.requireFormat(in.get(), DELTA_FORMAT, "cell delta");
    return new CellDelta(CellDelta.Measure.ofCode(in.get()), CellDelta.Scope.ofCode(in.get()), in.getInt());
  }

  private static byte[] encodeDriver(DriverPosition driver) {
    byte[] cell = driver.cell().getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(11 + cell.length).put(DRIVER_FORMAT).put((byte) (driver.available() ? 1 : 0))
        .putLong(driver.eventTime()).put((byte) cell.length).put(cell).array();
  }

  private static DriverPosition decodeDriver(byte[] data) {
    ByteBuffer in = ByteBuffer.wrap(data);
    BinaryFormats.requireFormat(in.get(), DRIVER_FORMAT, "driver position");
    boolean available = in.get() == 1;
    long eventTime = in.getLong();
    byte[] cell = new byte[in.get()];
    in.get(cell);
    return new DriverPosition(available, new String(cell, StandardCharsets.UTF_8), eventTime);
  }
}
