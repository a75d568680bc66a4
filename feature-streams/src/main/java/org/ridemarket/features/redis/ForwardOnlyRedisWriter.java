package org.ridemarket.features.redis;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Writes committed feature vectors into their Redis hashes through a Lua script that applies a vector only if
 * its event time moves the hash forward, then refreshes the hash's time to live; a vector with the stored event
 * time replaces the stored one, which may have been written early (ADR 0034, {@link EarlyRedisWriter}). A batch
 * is pipelined: its commands leave in one flush, and replies are awaited after that. The writer owns its
 * connection and is meant for one thread at a time (its sink's).
 */
public class ForwardOnlyRedisWriter<T> implements AutoCloseable {

  static final String SCRIPT_RESOURCE = "forward-only-upsert.lua";
  static final String EARLY = "early";
  static final String COMMITTED = "committed";

  /**
   * What a batch did: the vectors that moved their hash forward (new to readers), and those that replaced a
   * copy of the same event time written early (served already). The others were duplicates or older.
   */
  public record Writes<T>(List<T> applied, List<T> confirmed) {
  }

  private final FeatureFamily<T> family;
  private final StatefulRedisConnection<String, String> connection;
  private final String script;
  private final String ttlMillis;
  private final Duration timeout;
  private final String markerKey;
  private String digest;

  /** A writer of {@code family}'s vectors on its own connection of {@code client}. */
  public ForwardOnlyRedisWriter(RedisClient client, FeatureFamily<T> family, Duration ttl, Duration timeout) {
    this.family = family;
    this.connection = client.connect();
    this.script = script();
    this.ttlMillis = Long.toString(ttl.toMillis());
    this.timeout = timeout;
    this.markerKey = markerKey(family);
    // commands queue until flushCommands(): one write per batch instead of one per command
    connection.setAutoFlushCommands(false);
    try {
      this.digest = loadScript();
    } catch (RuntimeException e) {
      // the caller gets no writer to close, so the connection would leak
      connection.close();
      throw e;
    }
  }

  /**
   * Applies the vectors, each if it is not older than what Redis holds. Safe to repeat: that is how a failed batch
   * is retried.
   */
  public Writes<T> write(List<T> vectors) {
    try {
      return attempt(vectors);
    } catch (RedisNoScriptException e) {
      // Redis restarted and lost its script cache (the sink finds out what else it lost by lostData)
      digest = loadScript();
      return attempt(vectors);
    }
  }

  /**
   * True when Redis lost this family's hashes since the last call: its marker key ({@link #markerKey}) is gone,
   * because Redis restarted empty, was flushed, or is new. The call sets the marker again, so it answers true
   * once per loss. Each family has its own marker: the first sink to notice a restart must not hide it from the
   * others (a shared one, such as the script cache all three sinks load, would).
   */
  public boolean lostData() {
    RedisFuture<Boolean> set = connection.async().setnx(markerKey, Long.toString(System.currentTimeMillis()));
    connection.flushCommands();
    if (!LettuceFutures.awaitAll(timeout, set)) {
      throw new RedisCommandTimeoutException("Redis did not answer SETNX " + markerKey + " within " + timeout);
    }
    return reply(set);
  }

  /** The key whose absence says Redis lost {@code family}'s hashes. */
  public static String markerKey(FeatureFamily<?> family) {
    return "features:sink-marker:" + family.name();
  }

  private String loadScript() {
    RedisFuture<String> loaded = connection.async().scriptLoad(script);
    connection.flushCommands();
    if (!LettuceFutures.awaitAll(timeout, loaded)) {
      throw new RedisCommandTimeoutException("Redis did not load " + SCRIPT_RESOURCE + " within " + timeout);
    }
    return reply(loaded);
  }

  private Writes<T> attempt(List<T> vectors) {
    RedisAsyncCommands<String, String> redis = connection.async();
    long now = System.currentTimeMillis();
    List<RedisFuture<Long>> replies = new ArrayList<>(vectors.size());
    for (T vector : vectors) {
      replies.add(redis.evalsha(digest, ScriptOutputType.INTEGER,
          new String[] {family.redisKey().apply(vector)}, arguments(family, vector, now, ttlMillis, COMMITTED)));
    }
    connection.flushCommands();
    if (!LettuceFutures.awaitAll(timeout, replies.toArray(new Future<?>[0]))) {
      throw new RedisCommandTimeoutException("no reply to " + vectors.size() + " " + family.name()
          + " feature writes within " + timeout);
    }
    List<T> applied = new ArrayList<>();
    List<T> confirmed = new ArrayList<>();
    for (int i = 0; i < vectors.size(); i++) {
      long reply = reply(replies.get(i));
      if (reply == 1L) {
        applied.add(vectors.get(i));
      } else if (reply == 2L) {
        confirmed.add(vectors.get(i));
      }
    }
    return new Writes<>(applied, confirmed);
  }

  /** The script's arguments for {@code vector} written at wall clock {@code now}, as {@code mode}. */
  static <T> String[] arguments(FeatureFamily<T> family, T vector, long now, String ttlMillis, String mode) {
    Map<String, String> hash = family.redisHash().apply(vector, now);
    List<String> arguments = new ArrayList<>(4 + 2 * hash.size());
    arguments.add(Long.toString(family.eventTime().applyAsLong(vector)));
    arguments.add(ttlMillis);
    arguments.add(family.eventTimeField());
    arguments.add(mode);
    hash.forEach((field, value) -> {
      arguments.add(field);
      arguments.add(value);
    });
    return arguments.toArray(new String[0]);
  }

  private static <R> R reply(RedisFuture<R> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading a completed reply", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a completed Redis command failed", e.getCause());
    }
  }

  /** The upsert script's source. */
  static String script() {
    try (InputStream in = ForwardOnlyRedisWriter.class.getClassLoader().getResourceAsStream(SCRIPT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(SCRIPT_RESOURCE + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + SCRIPT_RESOURCE, e);
    }
  }

  @Override
  public void close() {
    connection.close();
  }
}
