package org.ridemarket.topologies.velocity;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.ridemarket.contracts.features.VelocitySnapshot;
import org.ridemarket.contracts.features.VelocityVector;

/**
 * Keeps each card's, user's, device's and merchant's state and emits its vector on every payment and every
 * FRAUD label naming it, with no rate limit: the next payment's fraud decision needs counts that include
 * this one, and a label counts from the moment it arrived. A stream-time sweep
 * forgets entities without a payment or label for longer than the idle timeout; it looks at a bounded number of entities
 * each time and continues where it stopped, so a large store never stalls the stream thread.
 */
final class EntityVelocityProcessor implements Processor<String, EntityPayment, String, VelocityVector> {

  private final String storeName;
  private final VelocitySettings settings;
  // Where the next sweep starts; in memory only: after a restart the sweep starts from the first key.
  private String sweepFrom;
  private ProcessorContext<String, VelocityVector> context;
  private KeyValueStore<String, EntityState> entities;

  EntityVelocityProcessor(String storeName, VelocitySettings settings) {
    this.storeName = storeName;
    this.settings = settings;
  }

  @Override
  public void init(ProcessorContext<String, VelocityVector> context) {
    this.context = context;
    this.entities = context.getStateStore(storeName);
    context.schedule(settings.sweepInterval(), PunctuationType.STREAM_TIME, this::forgetIdle);
  }

  @Override
  public void process(Record<String, EntityPayment> record) {
    String key = record.key();
    EntityState state = entities.get(key);
    if (state == null) {
      state = new EntityState();
    }
    long vectorTime = state.apply(record.value(), record.timestamp());
    entities.put(key, state);
    VelocitySnapshot vector = new VelocitySnapshot(record.value().entityType(), EntityPayment.entityIdOf(key),
        vectorTime, state.values());
    context.forward(new Record<>(key, vector.toAvro(), vectorTime));
  }

  private void forgetIdle(long streamTime) {
    long idleSince = streamTime - settings.idleTimeout().toMillis();
    List<String> idle = new ArrayList<>();
    String next;
    try (KeyValueIterator<String, EntityState> range = entities.range(sweepFrom, null)) {
      for (int looked = 0; looked < settings.sweepLimit() && range.hasNext(); looked++) {
        KeyValue<String, EntityState> entity = range.next();
        if (entity.value.latestActivityTime() <= idleSince) {
          idle.add(entity.key);
        }
      }
      next = range.hasNext() ? range.peekNextKey() : null;
    }
    // the hash in Redis and the compacted topic age out on their own; nothing is emitted for a forgotten entity
    idle.forEach(entities::delete);
    sweepFrom = next;
  }
}
