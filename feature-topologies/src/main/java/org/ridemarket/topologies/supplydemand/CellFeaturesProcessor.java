package org.ridemarket.topologies.supplydemand;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.ridemarket.contracts.features.SupplyDemandVector;

/**
 * Keeps each cell's state and emits its feature vector when it changed: at once if the cell sent nothing
 * for min-emit-interval of stream time, otherwise the change is held back and coalesced with the
 * cell's next ones. Two punctuators complete it: a stream-time sweep (every bucket) emits cells whose
 * windows slid, re-emits quiet non-empty cells before their Redis hash expires and forgets empty ones;
 * a wall-clock flush emits the held-back changes flush-interval (25 ms, much shorter than the rate limit,
 * ADR 0016) after the first of them was held, so a held change is late by at most that much. The flush is armed
 * only while a change is held: every wall-clock punctuation makes Kafka Streams commit the task, and under
 * exactly-once a flush that ran every period whether or not anything was held cost a transaction each time
 * (ADR 0038). Every vector's event time is later than the cell's last.
 *
 * <p>In the live app, whose vectors are written to Redis ahead of their commit (ADR 0034), the first
 * {@value #RESTART_SWEEPS} sweeps that find cells after the task starts also re-emit every cell already emitted
 * once, empty ones included. A vector written early by a transaction that then aborted may differ from what the
 * re-run emits (the wall-clock flush falls elsewhere), and the re-run's own vector may carry an earlier event time,
 * which Redis refuses; the re-emission's later event time replaces it. A live task loses at most one commit interval
 * of work, so the second sweep (a bucket of stream time later) is past every such vector.
 */
final class CellFeaturesProcessor implements Processor<String, CellDelta, String, SupplyDemandVector> {

  /** Sweeps over stored cells after a start at which every emitted cell is emitted again; replays have none. */
  static final int RESTART_SWEEPS = 2;

  private final String storeName;
  private final long minEmitMillis;
  private final long refreshMillis;
  private final Duration flushDelay;
  private int reemitSweeps;
  // Held-back cells, in memory only: after a restart the sweep finds them by comparing aggregates.
  private final Set<String> held = new LinkedHashSet<>();
  // The flush while changes are held, null otherwise.
  private Cancellable flush;
  private ProcessorContext<String, SupplyDemandVector> context;
  private KeyValueStore<String, CellState> cells;

  CellFeaturesProcessor(String storeName, SupplyDemandSettings settings, boolean reemitAfterStart) {
    this.storeName = storeName;
    this.reemitSweeps = reemitAfterStart ? RESTART_SWEEPS : 0;
    this.minEmitMillis = settings.minEmitInterval().toMillis();
    this.refreshMillis = settings.refreshInterval().toMillis();
    this.flushDelay = settings.flushInterval();
  }

  @Override
  public void init(ProcessorContext<String, SupplyDemandVector> context) {
    this.context = context;
    this.cells = context.getStateStore(storeName);
    // a task set up again (after a revival) arms its flush anew
    this.flush = null;
    context.schedule(Duration.ofMillis(WindowBuckets.BUCKET_MILLIS), PunctuationType.STREAM_TIME, this::sweep);
  }

  @Override
  public void process(Record<String, CellDelta> record) {
    if (record.value().measure() == CellDelta.Measure.TICK) {
      // its timestamp advanced this task's stream time, which is what drives the sweep
      return;
    }
    String cell = record.key();
    long now = context.currentStreamTimeMs();
    CellState state = cells.get(cell);
    if (state == null) {
      state = new CellState();
    }
    state.apply(record.value(), record.timestamp(), now);
    state.prune(now);
    if (isDue(state, now)) {
      emitIfChanged(cell, state, now);
    } else {
      hold(cell);
    }
    cells.put(cell, state);
  }

  private void sweep(long now) {
    List<KeyValue<String, CellState>> visited = new ArrayList<>();
    try (KeyValueIterator<String, CellState> all = cells.all()) {
      all.forEachRemaining(visited::add);
    }
    // a sweep before the first record was processed finds no cells and does not count
    boolean reemit = reemitSweeps > 0 && !visited.isEmpty();
    if (reemit) {
      reemitSweeps--;
    }
    for (KeyValue<String, CellState> entry : visited) {
      CellState state = entry.value;
      boolean dirty = state.prune(now);
      CellAggregates current = state.aggregatesAt(now);
      boolean unchanged = current.equals(state.lastEmitted());
      if (unchanged && reemit && state.lastEmittedAt() != CellState.NEVER) {
        // stream time may be restored lower after a restart; a later event time is what replaces the early vector
        emit(entry.key, state, current, Math.max(now, state.lastEmittedAt() + 1));
        cells.put(entry.key, state);
        continue;
      }
      if (unchanged && current.isEmpty()) {
        // the empty vector went out already (or nothing ever did): Redis lets the hash expire
        cells.delete(entry.key);
        held.remove(entry.key);
        continue;
      }
      if (!unchanged && isDue(state, now)) {
        dirty |= emitIfChanged(entry.key, state, now);
      } else if (!unchanged) {
        hold(entry.key);
      } else if (unchanged && now - state.lastEmittedAt() >= refreshMillis) {
        emit(entry.key, state, current, now);
        dirty = true;
      }
      if (dirty) {
        cells.put(entry.key, state);
      }
    }
  }

  private void hold(String cell) {
    held.add(cell);
    if (flush == null) {
      flush = context.schedule(flushDelay, PunctuationType.WALL_CLOCK_TIME, wallClock -> flushHeld());
    }
  }

  private void flushHeld() {
    // one shot: the next held change arms the next flush
    if (flush != null) {
      flush.cancel();
      flush = null;
    }
    long now = context.currentStreamTimeMs();
    List<String> flushing = new ArrayList<>(held);
    held.clear();
    for (String cell : flushing) {
      CellState state = cells.get(cell);
      // stream time may not have moved since the last vector; a later event time keeps Redis writes forward-only
      if (state != null && emitIfChanged(cell, state, Math.max(now, state.lastEmittedAt() + 1))) {
        cells.put(cell, state);
      }
    }
  }

  private boolean isDue(CellState state, long now) {
    return state.lastEmittedAt() == CellState.NEVER || now - state.lastEmittedAt() >= minEmitMillis;
  }

  private boolean emitIfChanged(String cell, CellState state, long eventTime) {
    CellAggregates current = state.aggregatesAt(eventTime);
    if (current.equals(state.lastEmitted())) {
      return false;
    }
    emit(cell, state, current, eventTime);
    return true;
  }

  private void emit(String cell, CellState state, CellAggregates aggregates, long eventTime) {
    context.forward(new Record<>(cell, aggregates.toSnapshot(cell, eventTime).toAvro(), eventTime));
    state.emitted(eventTime, aggregates);
    held.remove(cell);
  }
}
