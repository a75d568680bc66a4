package org.ridemarket.topologies.common;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** How the feature topologies build their key-value stores. */
public final class StateStores {

  private StateStores() {
  }

  /**
   * A string-keyed store on {@code supplier} with a cache in front: a commit then writes one
   * changelog record per busy key instead of one per event.
   */
  public static <V> StoreBuilder<KeyValueStore<String, V>> cached(KeyValueBytesStoreSupplier supplier,
      Serde<V> values) {
    return Stores.keyValueStoreBuilder(supplier, Serdes.String(), values).withCachingEnabled();
  }
}
