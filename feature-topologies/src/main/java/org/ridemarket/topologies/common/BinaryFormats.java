package org.ridemarket.topologies.common;

import java.util.function.Function;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The rules of the topologies' own binary formats (repartition records, store values): restored
 * state outlives a deployment, so every format starts with a version byte that a reader checks.
 */
public final class BinaryFormats {

  private BinaryFormats() {
  }

  /** Refuses a format this build does not know, naming what was read. */
  public static void requireFormat(byte actual, byte expected, String what) {
    if (actual != expected) {
      throw new SerializationException("unknown " + what + " format " + actual + ", this build reads " + expected);
    }
  }

  /** A serde from an encoder and a decoder; null stays null (tombstones). */
  public static <T> Serde<T> serde(Function<T, byte[]> encode, Function<byte[], T> decode) {
    return Serdes.serdeFrom(
        (topic, value) -> value == null ? null : encode.apply(value),
        (topic, bytes) -> bytes == null ? null : decode.apply(bytes));
  }
}
