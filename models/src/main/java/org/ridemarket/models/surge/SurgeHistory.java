package org.ridemarket.models.surge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ridemarket.contracts.features.SupplyDemandSnapshot;
import org.ridemarket.contracts.topics.Topic;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.simulator.output.EncodedEvent;
import org.ridemarket.simulator.output.EventSink;

/**
 * Turns a stream of recorded events into surge training rows: the events go through the
 * supply/demand topology ({@link SupplyDemandReplay}) and into {@link HindsightLabels}; every
 * sample period the cells' current vectors are taken, before any later event is seen. An
 * {@link EventSink}, so the simulator can write into it directly, and fed by a file reader alike.
 */
public final class SurgeHistory implements EventSink {

  /** The topics a surge replay reads: the supply/demand topology's input, requests also for the labels. */
  public static final List<Topic<String, ?>> TOPICS =
      List.of(Topics.RIDE_REQUESTS, Topics.TRIP_EVENTS, Topics.DRIVER_LOCATIONS);

  /** Time between two samples of every cell. */
  public static final Duration SAMPLE_PERIOD = Duration.ofMinutes(1);
  /** No rows from the first minutes: the 15-minute windows are still filling. */
  public static final Duration WARM_UP = Duration.ofMinutes(15);
  /** The label looks this far ahead of each row. */
  public static final Duration HORIZON = Duration.ofMinutes(10);
  /** A vector older than this is gone from Redis (the sink's TTL), so the cell has no row. */
  public static final Duration VECTOR_TTL = Duration.ofMinutes(30);

  private record Sample(long time, Map<String, SupplyDemandSnapshot> vectors) {
  }

  private final SupplyDemandReplay replay;
  private final HindsightLabels labels = new HindsightLabels();
  private final List<Sample> samples = new ArrayList<>();
  private long firstEventTime = -1;
  private long lastEventTime = -1;
  private long nextSample = -1;
  private long events;

  /** A history replayed through {@code replay}, which it closes. */
  public SurgeHistory(SupplyDemandReplay replay) {
    this.replay = replay;
  }

  @Override
  public void accept(EncodedEvent event) {
    long time = event.eventTimeMillis();
    if (nextSample < 0) {
      firstEventTime = time;
      nextSample = time - Math.floorMod(time, SAMPLE_PERIOD.toMillis()) + WARM_UP.toMillis();
    }
    while (time >= nextSample) {
      samples.add(new Sample(nextSample, replay.latest()));
      nextSample += SAMPLE_PERIOD.toMillis();
    }
    replay.accept(event);
    labels.accept(event);
    lastEventTime = Math.max(lastEventTime, time);
    events++;
  }

  /** The rows of every sample whose label horizon ends within the history, oldest first. */
  public List<SurgeRow> rows(BalancingMultiplier label) {
    List<SurgeRow> rows = new ArrayList<>();
    for (Sample sample : samples) {
      long horizonEnd = sample.time() + HORIZON.toMillis();
      if (horizonEnd > lastEventTime) {
        break;
      }
      sample.vectors().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
        SupplyDemandSnapshot vector = entry.getValue();
        if (sample.time() - vector.eventTime() <= VECTOR_TTL.toMillis()) {
          HindsightLabels.Outcome outcome = labels.outcome(entry.getKey(), sample.time(), horizonEnd);
          rows.add(new SurgeRow(sample.time(), entry.getKey(), vector.toFloats(), outcome.requested(),
              outcome.served(), label.label(outcome.requested(), outcome.served())));
        }
      });
    }
    return rows;
  }

  /** Event time of the first event seen, epoch millis; -1 before any. */
  public long firstEventTime() {
    return firstEventTime;
  }

  /** Event time of the newest event seen, epoch millis; -1 before any. */
  public long lastEventTime() {
    return lastEventTime;
  }

  /** Events seen, of every topic. */
  public long events() {
    return events;
  }

  /** The replay the events went through. */
  public SupplyDemandReplay replay() {
    return replay;
  }

  @Override
  public void close() {
    replay.close();
  }
}
