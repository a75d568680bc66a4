package org.ridemarket.simulator.output;

import java.util.Arrays;

/**
 * One event in its wire form, serialized once through the contract's serdes and handed to every
 * sink: topic name, key (and its bytes), value bytes, event time.
 */
public record EncodedEvent(String topic, String key, byte[] keyBytes, byte[] value, long eventTimeMillis) {

  @Override
  public boolean equals(Object other) {
    return other instanceof EncodedEvent that
        && eventTimeMillis == that.eventTimeMillis
        && topic.equals(that.topic)
        && key.equals(that.key)
        && Arrays.equals(keyBytes, that.keyBytes)
        && Arrays.equals(value, that.value);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * topic.hashCode() + key.hashCode()) + Arrays.hashCode(value) + Long.hashCode(eventTimeMillis);
  }

  @Override
  public String toString() {
    return "EncodedEvent[" + topic + ", key=" + key + ", " + value.length + " bytes, t=" + eventTimeMillis + "]";
  }
}
