package org.ridemarket.topologies.supplydemand;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.ridemarket.contracts.geo.Cells;

/**
 * Sends each cell delta to its own cell (SELF) and to each of its neighbours (RING), so that after
 * one repartition by target cell a single per-cell processor holds both its own and its ring's
 * aggregates, and a cell's Redis hash carries the ring without a second read. Every 10 s of
 * stream time it also sends a tick that {@link CellPartitioner} copies to every partition: a
 * per-cell task then keeps moving in stream time (windows slide, quiet cells refresh) even when
 * none of its cells has events.
 */
final class RingFanOutProcessor implements Processor<String, CellDelta, String, CellDelta> {

  /** Enough for a large city's cells; an H3 ring costs a native call, a cached one a lookup. */
  private static final int CACHED_RINGS = 50_000;

  private final Map<String, List<String>> rings = new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
      return size() > CACHED_RINGS;
    }
  };
  private ProcessorContext<String, CellDelta> context;

  @Override
  public void init(ProcessorContext<String, CellDelta> context) {
    this.context = context;
    context.schedule(Duration.ofMillis(WindowBuckets.BUCKET_MILLIS), PunctuationType.STREAM_TIME,
        streamTime -> context.forward(new Record<>(CellDelta.TICK_KEY, CellDelta.TICK, streamTime)));
  }

  @Override
  public void process(Record<String, CellDelta> record) {
    context.forward(record);
    CellDelta ring = record.value().toRing();
    for (String neighbour : rings.computeIfAbsent(record.key(), Cells::ring)) {
      context.forward(record.withKey(neighbour).withValue(ring));
    }
  }
}
