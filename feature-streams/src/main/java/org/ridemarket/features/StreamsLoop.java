package org.ridemarket.features;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Refuses Kafka Streams settings under which the commit interval and the flush would be late: a stream
 * thread commits and runs its wall-clock punctuators only between two polls, and a poll with no input
 * blocks for {@code poll.ms}, so a poll longer than either interval stretches it to the poll (ADR 0018).
 */
public final class StreamsLoop {

  private static final long DEFAULT_POLL_MS = 100;
  // Kafka Streams' default under exactly-once, which both applications run
  private static final long DEFAULT_EOS_COMMIT_MS = 100;

  private StreamsLoop() {
  }

  /** Throws, naming the settings, if {@code kafka-streams.poll.ms} exceeds the commit interval or the flush. */
  public static void check(Properties streams, Duration flushInterval) {
    long poll = millis(streams, StreamsConfig.POLL_MS_CONFIG, DEFAULT_POLL_MS);
    long commit = millis(streams, StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, DEFAULT_EOS_COMMIT_MS);
    if (poll > commit) {
      throw new IllegalArgumentException("kafka-streams.poll.ms (" + poll + ") must not exceed "
          + "kafka-streams.commit.interval.ms (" + commit + "): an idle poll would hold every commit back to it");
    }
    if (poll > flushInterval.toMillis()) {
      throw new IllegalArgumentException("kafka-streams.poll.ms (" + poll + ") must not exceed "
          + "features.flush-interval (" + flushInterval.toMillis() + " ms): an idle poll would hold the flush back to it");
    }
  }

  private static long millis(Properties streams, String name, long fallback) {
    String value = streams.getProperty(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("kafka-streams." + name + " must be a number of milliseconds: " + value, e);
    }
  }
}
