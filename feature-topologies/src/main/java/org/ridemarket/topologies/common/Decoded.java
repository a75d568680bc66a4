package org.ridemarket.topologies.common;

import org.ridemarket.contracts.events.DeadLetter;

/** An input record after decoding and validation: either the event, or the dead letter explaining why not. */
record Decoded<V>(V event, DeadLetter rejection) {

  static <V> Decoded<V> accepted(V event) {
    return new Decoded<>(event, null);
  }

  static <V> Decoded<V> rejected(DeadLetter rejection) {
    return new Decoded<>(null, rejection);
  }

  boolean isRejected() {
    return rejection != null;
  }
}
