package org.ridemarket.features.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Writes a family's vectors to Redis as the topology emits them, before their transaction commits (ADR 0034):
 * the freshness path. The family's {@link FeatureRedisSink} still writes every committed vector after it, and
 * is what makes Redis right: its copy replaces an early one of the same event time (the upsert script's
 * "confirmed"), and rebuilds everything after Redis lost its data.
 *
 * <p>{@link #write} is called on the stream thread and never waits: the command leaves asynchronously and its
 * reply is counted on Lettuce's thread. A vector is left to the sink, and counted as dropped, when no connection
 * is open, when too many writes await their replies, or when Redis rejects or times it out; a lost early write
 * only makes that vector as late as the sink. The connection is opened in the background and re-opened by
 * Lettuce after a failure; while it is down, commands are rejected at once rather than queued.
 */
public final class EarlyRedisWriter<T> implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(EarlyRedisWriter.class);

  private final FeatureFamily<T> family;
  private final RedisClient client;
  private final RedisURI uri;
  private final String script = ForwardOnlyRedisWriter.script();
  private final String ttlMillis;
  private final int maxInFlight;
  private final Duration retryBackoff;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicBoolean connecting = new AtomicBoolean();
  private final Timer freshness;
  private final Counter applied;
  private final Counter stale;
  private final Counter dropped;
  private final Counter failed;
  private volatile StatefulRedisConnection<String, String> connection;
  private volatile long nextAttemptNanos = System.nanoTime();
  private volatile boolean closed;

  /**
   * A writer of {@code family}'s vectors to the Redis at {@code redisUrl}; it starts connecting at once. Replies
   * later than {@code timeout} count as failed; after a failed connection it tries again {@code retryBackoff}
   * later, on the next write.
   */
  public EarlyRedisWriter(FeatureFamily<T> family, String redisUrl, Duration ttl, Duration timeout,
      Duration retryBackoff, int maxInFlight, MeterRegistry registry) {
    this.family = family;
    this.uri = RedisURI.create(redisUrl);
    this.ttlMillis = Long.toString(ttl.toMillis());
    this.maxInFlight = maxInFlight;
    this.retryBackoff = retryBackoff;
    this.client = RedisClient.create();
    client.setOptions(ClientOptions.builder()
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .requestQueueSize(maxInFlight)
        .timeoutOptions(TimeoutOptions.enabled(timeout))
        .build());
    this.freshness = SinkMetrics.freshness(registry, family.name());
    this.applied = writes(registry, family.name(), "applied");
    this.stale = writes(registry, family.name(), "stale");
    this.dropped = writes(registry, family.name(), "dropped");
    this.failed = writes(registry, family.name(), "failed");
    connect();
  }

  private static Counter writes(MeterRegistry registry, String family, String outcome) {
    return Counter.builder("feature_early_writes")
        .description("Vectors written to Redis ahead of their commit: applied, stale (Redis held one as new or newer),"
            + " dropped (no connection, or too many awaiting replies) or failed (Redis refused or timed out);"
            + " all but applied reach Redis through the sink")
        .tags("family", family, "outcome", outcome)
        .register(registry);
  }

  /** Sends {@code vector} to Redis without waiting; see the class comment for when it is left to the sink. */
  public void write(T vector) {
    StatefulRedisConnection<String, String> open = connection;
    if (open == null || !open.isOpen()) {
      dropped.increment();
      connect();
      return;
    }
    if (inFlight.incrementAndGet() > maxInFlight) {
      inFlight.decrementAndGet();
      dropped.increment();
      return;
    }
    long now = System.currentTimeMillis();
    long eventTime = family.eventTime().applyAsLong(vector);
    open.async().<Long>eval(script, ScriptOutputType.INTEGER, new String[] {family.redisKey().apply(vector)},
            ForwardOnlyRedisWriter.arguments(family, vector, now, ttlMillis, ForwardOnlyRedisWriter.EARLY))
        .whenComplete((reply, error) -> {
          inFlight.decrementAndGet();
          if (error != null) {
            failed.increment();
          } else if (reply == 1L) {
            applied.increment();
            SinkMetrics.recordAge(freshness, System.currentTimeMillis(), eventTime);
          } else {
            stale.increment();
          }
        });
  }

  /** Writes sent whose reply has not come yet. */
  public int inFlight() {
    return inFlight.get();
  }

  // At most one attempt at a time, and none sooner than the back-off after a failed one.
  private void connect() {
    if (closed || System.nanoTime() < nextAttemptNanos || !connecting.compareAndSet(false, true)) {
      return;
    }
    client.connectAsync(StringCodec.UTF8, uri).whenComplete((opened, error) -> {
      if (error != null) {
        LOG.debugf("%s early writer cannot connect to Redis (%s); vectors go through the sink only until it can",
            family.name(), error.getMessage());
        nextAttemptNanos = System.nanoTime() + retryBackoff.toNanos();
      } else if (closed) {
        opened.closeAsync();
      } else {
        connection = opened;
      }
      connecting.set(false);
    });
  }

  @Override
  public void close() {
    closed = true;
    StatefulRedisConnection<String, String> open = connection;
    if (open != null) {
      open.close();
    }
    client.shutdown();
  }
}
