package org.ridemarket.topologies.congestion;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.ridemarket.contracts.features.CongestionSnapshot;
import org.ridemarket.contracts.features.CongestionVector;

/**
 * Keeps each cell's congestion state and emits vectors only from a stream-time sweep (every sweep
 * interval, 30 s by default): a cell whose values changed gets a vector with windows ending at the
 * sweep's stream time, a cell with live windows but unchanged values is re-emitted every refresh
 * interval, and a cell without an observation for the idle timeout is forgotten. Nothing is emitted
 * per event, so a busy cell costs one vector per sweep however many drivers ping in it, and the
 * vectors of a replay do not depend on the wall clock.
 */
final class CellCongestionProcessor implements Processor<String, CellObservation, String, CongestionVector> {

  private final String storeName;
  private final CongestionSettings settings;
  private final long halfLifeMillis;
  private ProcessorContext<String, CongestionVector> context;
  private KeyValueStore<String, CellCongestion> cells;

  CellCongestionProcessor(String storeName, CongestionSettings settings) {
    this.storeName = storeName;
    this.settings = settings;
    this.halfLifeMillis = settings.freeFlowHalfLife().toMillis();
  }

  @Override
  public void init(ProcessorContext<String, CongestionVector> context) {
    this.context = context;
    this.cells = context.getStateStore(storeName);
    context.schedule(settings.sweepInterval(), PunctuationType.STREAM_TIME, this::sweep);
  }

  @Override
  public void process(Record<String, CellObservation> record) {
    CellCongestion state = cells.get(record.key());
    if (state == null) {
      state = new CellCongestion();
    }
    state.observe(record.value(), record.timestamp(), halfLifeMillis);
    cells.put(record.key(), state);
  }

  private void sweep(long streamTime) {
    List<KeyValue<String, CellCongestion>> visited = new ArrayList<>();
    try (KeyValueIterator<String, CellCongestion> all = cells.all()) {
      all.forEachRemaining(visited::add);
    }
    long idleSince = streamTime - settings.idleTimeout().toMillis();
    for (KeyValue<String, CellCongestion> entry : visited) {
      CellCongestion state = entry.value;
      if (state.latestObservation() <= idleSince) {
        // the hash in Redis and the compacted topic age out on their own; nothing is emitted for a forgotten cell
        cells.delete(entry.key);
        continue;
      }
      // stream time may be restored lower after a restart; a later event time keeps Redis writes forward-only
      long eventTime = state.lastEmittedAt() == CellCongestion.NEVER ? streamTime
          : Math.max(streamTime, state.lastEmittedAt() + 1);
      boolean dirty = state.decayTo(eventTime, halfLifeMillis);
      double[] values = state.valuesAt(eventTime, settings.freeFlowMinWeight());
      boolean stale = state.lastEmittedAt() != CellCongestion.NEVER && state.hasLiveWindows(eventTime)
          && eventTime - state.lastEmittedAt() >= settings.refreshInterval().toMillis();
      if (state.changed(values) || stale) {
        context.forward(new Record<>(entry.key, new CongestionSnapshot(entry.key, eventTime, values).toAvro(),
            eventTime));
        state.emitted(eventTime, values);
        dirty = true;
      }
      if (dirty) {
        cells.put(entry.key, state);
      }
    }
  }
}
