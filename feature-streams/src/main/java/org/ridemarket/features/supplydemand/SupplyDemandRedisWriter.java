package org.ridemarket.features.supplydemand;

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
import org.ridemarket.contracts.features.SupplyDemandFeatures;
import org.ridemarket.contracts.features.SupplyDemandSnapshot;

/**
 * Writes supply/demand vectors into their cells' Redis hashes through a Lua script that applies a
 * vector only if its event time moves the cell forward, then refreshes the hash's time to live.
 * A batch is pipelined: its commands leave in one flush, and replies are awaited after that. The
 * writer owns its connection and is meant for one thread at a time (the sink's).
 */
public final class SupplyDemandRedisWriter implements AutoCloseable {

  static final String SCRIPT_RESOURCE = "supply-demand-upsert.lua";

  private final StatefulRedisConnection<String, String> connection;
  private final String script;
  private final String ttlMillis;
  private final Duration timeout;
  private String digest;

  /** A writer on its own connection of {@code client}. */
  public SupplyDemandRedisWriter(RedisClient client, Duration ttl, Duration timeout) {
    this.connection = client.connect();
    this.script = loadResource();
    this.ttlMillis = Long.toString(ttl.toMillis());
    this.timeout = timeout;
    // commands queue until flushCommands(): one write per batch instead of one per command
    connection.setAutoFlushCommands(false);
    this.digest = loadScript();
  }

  /**
   * Applies the vectors and returns those that moved their cell forward; the others were
   * duplicates or older than what Redis holds. Safe to repeat: that is how a failed batch is retried.
   */
  public List<SupplyDemandSnapshot> write(List<SupplyDemandSnapshot> vectors) {
    try {
      return attempt(vectors);
    } catch (RedisNoScriptException e) {
      // Redis restarted and lost its script cache
      digest = loadScript();
      return attempt(vectors);
    }
  }

  private String loadScript() {
    RedisFuture<String> loaded = connection.async().scriptLoad(script);
    connection.flushCommands();
    if (!LettuceFutures.awaitAll(timeout, loaded)) {
      throw new RedisCommandTimeoutException("Redis did not load " + SCRIPT_RESOURCE + " within " + timeout);
    }
    return reply(loaded);
  }

  private List<SupplyDemandSnapshot> attempt(List<SupplyDemandSnapshot> vectors) {
    RedisAsyncCommands<String, String> redis = connection.async();
    long now = System.currentTimeMillis();
    List<RedisFuture<Long>> replies = new ArrayList<>(vectors.size());
    for (SupplyDemandSnapshot vector : vectors) {
      replies.add(redis.evalsha(digest, ScriptOutputType.INTEGER,
          new String[] {SupplyDemandFeatures.redisKey(vector.cell())}, arguments(vector, now)));
    }
    connection.flushCommands();
    if (!LettuceFutures.awaitAll(timeout, replies.toArray(new Future<?>[0]))) {
      throw new RedisCommandTimeoutException("no reply to " + vectors.size() + " feature writes within " + timeout);
    }
    List<SupplyDemandSnapshot> applied = new ArrayList<>();
    for (int i = 0; i < vectors.size(); i++) {
      if (reply(replies.get(i)) == 1L) {
        applied.add(vectors.get(i));
      }
    }
    return applied;
  }

  private String[] arguments(SupplyDemandSnapshot vector, long now) {
    Map<String, String> hash = vector.toRedisHash(now);
    List<String> arguments = new ArrayList<>(2 + 2 * hash.size());
    arguments.add(Long.toString(vector.eventTime()));
    arguments.add(ttlMillis);
    hash.forEach((field, value) -> {
      arguments.add(field);
      arguments.add(value);
    });
    return arguments.toArray(new String[0]);
  }

  private static <T> T reply(RedisFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading a completed reply", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a completed Redis command failed", e.getCause());
    }
  }

  private static String loadResource() {
    try (InputStream in = SupplyDemandRedisWriter.class.getClassLoader().getResourceAsStream(SCRIPT_RESOURCE)) {
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
