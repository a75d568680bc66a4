package org.ridemarket.topologies.congestion;

import java.nio.ByteBuffer;
import org.apache.kafka.common.serialization.Serde;
import org.ridemarket.topologies.common.BinaryFormats;

/**
 * Serdes of the congestion topology's own records: the repartition topic's cell observations and the
 * cell store's values (and so its changelog). Not contracts, but versioned ({@link BinaryFormats}).
 */
final class CongestionSerdes {

  static final Serde<CellObservation> CELL_OBSERVATION =
      BinaryFormats.serde(CongestionSerdes::encodeObservation, CongestionSerdes::decodeObservation);
  static final Serde<CellCongestion> CELL_STATE = BinaryFormats.serde(CellCongestion::toBytes,
      CellCongestion::fromBytes);

  private static final byte OBSERVATION_FORMAT = 1;

  private CongestionSerdes() {
  }

  private static byte[] encodeObservation(CellObservation observation) {
    return ByteBuffer.allocate(10).put(OBSERVATION_FORMAT).put(codeOf(observation.kind()))
        .putDouble(observation.speedMps()).array();
  }

  private static CellObservation decodeObservation(byte[] data) {
    ByteBuffer in = ByteBuffer.wrap(data);
    BinaryFormats.requireFormat(in.get(), OBSERVATION_FORMAT, "cell observation");
    return new CellObservation(kindOf(in.get()), in.getDouble());
  }

  // Written to the repartition topic: our own codes, not the enum's ordinals, and never reused.
  private static byte codeOf(CellObservation.Kind kind) {
    return switch (kind) {
      case PING -> 1;
      case TRIP -> 2;
    };
  }

  private static CellObservation.Kind kindOf(byte code) {
    return switch (code) {
      case 1 -> CellObservation.Kind.PING;
      case 2 -> CellObservation.Kind.TRIP;
      default -> throw new IllegalArgumentException("unknown observation kind code " + code);
    };
  }
}
