package org.ridemarket.loadtest.freshness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Per topic, how long after its event time each record became readable: the wall clock when a
 * read_committed consumer got it minus the record's timestamp (the event time, which the simulator and
 * the topologies put there). One topic is one stage of the freshness path, so the differences between
 * the stages' quantiles say where the time goes.
 */
final class StageLatencies {

  private final Map<String, Histogram> byTopic = new LinkedHashMap<>();
  private final Map<String, Long> ahead = new LinkedHashMap<>();

  /** Stages in this order, e.g. the input topics first and the features topics after them. */
  StageLatencies(List<String> topics) {
    for (String topic : topics) {
      byTopic.put(topic, new Histogram(3_600_000L, 3));
      ahead.put(topic, 0L);
    }
  }

  /** A record of {@code topic} stamped {@code eventTimeMillis}, read at {@code readMillis}. */
  void record(String topic, long eventTimeMillis, long readMillis) {
    Histogram histogram = byTopic.get(topic);
    if (histogram == null) {
      throw new IllegalArgumentException("topic " + topic + " is not a stage of this probe");
    }
    long age = readMillis - eventTimeMillis;
    if (age < 0) {
      // an event time ahead of the wall clock (an accelerated run) has no freshness; counted, not recorded
      ahead.merge(topic, 1L, Long::sum);
      return;
    }
    histogram.recordValue(Math.min(age, histogram.getHighestTrackableValue()));
  }

  /** One line per stage: records, p50, p90, p99 and max in milliseconds. */
  List<String> table() {
    List<String> lines = new ArrayList<>();
    lines.add("| topic | records | p50 ms | p90 ms | p99 ms | max ms | ahead of the clock |");
    lines.add("|---|---|---|---|---|---|---|");
    byTopic.forEach((topic, histogram) -> lines.add(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %d |",
        topic, histogram.getTotalCount(), quantile(histogram, 50), quantile(histogram, 90), quantile(histogram, 99),
        histogram.getTotalCount() == 0 ? "-" : Long.toString(histogram.getMaxValue()), ahead.get(topic))));
    return lines;
  }

  /** The {@code percentile} of {@code topic}'s stage in milliseconds, -1 when it saw nothing. */
  long percentile(String topic, double percentile) {
    Histogram histogram = byTopic.get(topic);
    return histogram.getTotalCount() == 0 ? -1 : histogram.getValueAtPercentile(percentile);
  }

  private static String quantile(Histogram histogram, double percentile) {
    return histogram.getTotalCount() == 0 ? "-" : Long.toString(histogram.getValueAtPercentile(percentile));
  }
}
