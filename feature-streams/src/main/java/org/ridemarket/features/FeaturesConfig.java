package org.ridemarket.features;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

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

  /** A cell that sent a vector less than this much stream time ago holds its next changes back for the flush. */
  @WithDefault("PT1S")
  Duration minEmitInterval();

  /**
   * Wall-clock delay of the flush that emits held-back changes, coalesced, after the first of them was held: at
   * most one flushed vector per cell per flush, and a held change at most this late (ADR 0016, ADR 0038). At most
   * min-emit-interval.
   */
  @WithDefault("PT0.025S")
  Duration flushInterval();

  /** An unchanged, non-empty cell is re-emitted after this much stream time, so its Redis hash does not expire. */
  @WithDefault("PT5M")
  Duration refreshInterval();

  /**
   * The model artifact store (the services' {@code MODELS_DIR}) whose models' recorded congestion settings are
   * compared with this app's in the readiness check {@code model-settings}; a missing directory holds nothing to
   * compare.
   */
  @WithDefault("models/artifacts")
  String modelsDir();

  /**
   * Name prefixes of the meters left out of {@code /q/metrics}. The defaults are Kafka Streams' per-state-store
   * (RocksDB), per-processor-node and per-topic-per-node meters: most of the app's series and much of every
   * scrape's CPU, which nothing here reads ({@link MetricsFilter}). A prefix that matches nothing
   * ({@code none}) keeps every meter.
   */
  @WithDefault("kafka.stream.state.,kafka.stream.processor.node.,kafka.stream.topic.")
  List<String> droppedMeters();

  /** Name prefixes of meters kept even though a dropped prefix matches them: the state updater thread's. */
  @WithDefault("kafka.stream.state.updater.")
  List<String> keptMeters();

  /**
   * This instance's static member id in every consumer group the app joins (KIP-345): both Streams applications'
   * (Kafka Streams appends the thread's index) and the three Redis sinks'. A restart that comes back under the same
   * id within the session timeout (45 s) takes its partitions back at once, instead of waiting for the dead member's
   * session to expire. Unique per running instance: two live instances with one id fence each other. Unset,
   * membership is dynamic.
   */
  Optional<String> instanceId();

  /** The Redis sink's settings; the supply/demand sink's, and the velocity sink's apart from its group and TTL. */
  RedisSink redisSink();

  /** The payment velocity topology and its Redis sink; the defaults are those of {@code VelocitySettings}. */
  Velocity velocity();

  /**
   * The road congestion topology, run as its own Kafka Streams application, and its Redis sink; the
   * topology's defaults are those of {@code CongestionSettings}.
   */
  Congestion congestion();

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

    /**
     * Write each supply/demand vector to Redis as the cell task emits it, ahead of its transaction's commit
     * (ADR 0034); the sink's committed copy confirms it. Off, a vector reaches Redis only through the sink.
     */
    @WithDefault("true")
    boolean earlyWrites();

    /** Early writes awaiting Redis's reply beyond which a vector is left to the sink instead of queued. */
    @WithDefault("1000")
    int earlyWritesInFlight();
  }

  /** The payment velocity (fraud) features: per card, user and device, on every payment. */
  interface Velocity {

    /** How far behind stream time a payment may arrive and still count; later ones are dead-lettered as TOO_LATE. */
    @WithDefault("PT2M")
    Duration grace();

    /** How far ahead of the wall clock a payment's event time may be before it is rejected as INVALID. */
    @WithDefault("PT1H")
    Duration maxFutureSkew();

    /**
     * An entity without a payment or label for this long in stream time is forgotten; at least the 30-day
     * window plus the grace.
     */
    @WithDefault("PT720H5M")
    Duration idleTimeout();

    /** How often, in stream time, the idle sweep runs. */
    @WithDefault("PT1H")
    Duration sweepInterval();

    /** How many entities one sweep looks at, continuing where the previous one stopped. */
    @WithDefault("10000")
    int sweepLimit();

    /** The velocity Redis sink's own settings; batch size, timeout and back-off are {@code features.redis-sink}'s. */
    VelocityRedisSink redisSink();
  }

  /** Where the velocity vectors go after the features topic. */
  interface VelocityRedisSink {

    /** Consumer group of the sink that copies {@code features.velocity} into Redis. */
    @WithDefault("feature-streams-velocity-redis-sink")
    String groupId();

    /**
     * An entity's hash expires when no vector refreshed it for this long; at least the idle timeout, so a
     * hash does not disappear while the topology still counts the entity's payments.
     */
    @WithDefault("PT721H")
    Duration ttl();
  }

  /** The road congestion (ETA) features: per H3 cell, from a stream-time sweep; see ADR 0008. */
  interface Congestion {

    /**
     * Application id of the congestion Kafka Streams app: its consumer group, its state directory under
     * {@code kafka-streams.state.dir}, and the prefix of its changelog and repartition topics. A new id
     * orphans the learned free-flow speeds.
     */
    @WithDefault("feature-streams-congestion")
    String applicationId();

    /** How far behind stream time a ping or trip may arrive and still count; later ones are dead-lettered TOO_LATE. */
    @WithDefault("PT2M")
    Duration grace();

    /** How far ahead of the wall clock an event time may be before the record is rejected as INVALID. */
    @WithDefault("PT1H")
    Duration maxFutureSkew();

    /** A ping counts as a moving driver only above this speed, in m/s (a parked phone's GPS jitters). */
    @WithDefault("0.5")
    double movingSpeedMps();

    /** How often, in stream time, every cell whose values changed gets a vector. */
    @WithDefault("PT30S")
    Duration sweepInterval();

    /** A cell with live windows but unchanged values is re-emitted this often, so its Redis hash does not expire. */
    @WithDefault("PT5M")
    Duration refreshInterval();

    /** A cell without a moving ping or a completed trip for this long (stream time) is forgotten, free-flow speed too. */
    @WithDefault("P7D")
    Duration idleTimeout();

    /** The free-flow histogram loses half its weight over this long of event time. */
    @WithDefault("P7D")
    Duration freeFlowHalfLife();

    /** The decayed number of moving pings below which a cell's free-flow speed is unknown (NaN). */
    @WithDefault("100")
    double freeFlowMinWeight();

    /** The congestion Redis sink's own settings; batch size, timeout and back-off are {@code features.redis-sink}'s. */
    CongestionRedisSink redisSink();
  }

  /** Where the congestion vectors go after the features topic. */
  interface CongestionRedisSink {

    /** Consumer group of the sink that copies {@code features.congestion} into Redis. */
    @WithDefault("feature-streams-congestion-redis-sink")
    String groupId();

    /**
     * A cell's hash expires when no vector refreshed it for this long (cells without traffic disappear);
     * at least the refresh interval plus a sweep, so a cell with live windows never expires between vectors.
     */
    @WithDefault("PT30M")
    Duration ttl();
  }
}
