package org.ridemarket.features;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Configuration of the feature-streams app; every default runs against the local stack. */
@ConfigMapping(prefix = "features")
public interface FeaturesConfig {

  /** How far behind stream time an event may arrive and still be counted; later ones are dead-lettered as TOO_LATE. */
  @WithDefault("PT2M")
  Duration grace();

  /** How far ahead of the wall clock an event time may be before the record is rejected as INVALID. */
  @WithDefault("PT1H")
  Duration maxFutureSkew();

  /** A driver without a ping for this long in stream time stops counting as available; must exceed the grace. */
  @WithDefault("PT3M")
  Duration driverSilenceTimeout();

  /** At most one vector per cell per this much stream time; also the wall-clock period that flushes held-back changes. */
  @WithDefault("PT1S")
  Duration minEmitInterval();

  /** An unchanged, non-empty cell is re-emitted after this much stream time, so its Redis hash does not expire. */
  @WithDefault("PT5M")
  Duration refreshInterval();

  /** The Redis sink's settings. */
  RedisSink redisSink();

  /** Where the vectors go after the features topic. */
  interface RedisSink {

    /** Consumer group of the sink that copies the features topic into Redis. */
    @WithDefault("feature-streams-redis-sink")
    String groupId();

    /** A cell's hash expires when no vector refreshed it for this long (dead cells disappear). */
    @WithDefault("PT30M")
    Duration ttl();

    /** The most records one poll hands to one pipelined Redis batch. */
    @WithDefault("500")
    int maxBatch();

    /** How long to wait for a batch's Redis replies before the batch is retried. */
    @WithDefault("PT5S")
    Duration writeTimeout();

    /** Pause before retrying a batch after Redis failed. */
    @WithDefault("PT1S")
    Duration retryBackoff();
  }
}
