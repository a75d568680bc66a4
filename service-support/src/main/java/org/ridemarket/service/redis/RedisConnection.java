package org.ridemarket.service.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * One Lettuce connection to a feature store. Commands fail at once while it is down instead of
 * queueing, and a connection that could not be made is retried at most once a second, so a Redis
 * outage costs a request a fast failure, never a wait.
 */
public final class RedisConnection implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(RedisConnection.class);
  private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
  // Lettuce's own deadline only reclaims commands; callers apply the short per-read deadline.
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(1);

  private final RedisURI uri;
  private final Function<String, ? extends RuntimeException> notConnected;
  private final ClientResources resources;
  private final RedisClient client;
  private final AtomicLong nextAttempt = new AtomicLong(Long.MIN_VALUE);
  private volatile StatefulRedisConnection<String, String> connection;

  /**
   * A client for {@code url} that has not connected yet.
   *
   * @param notConnected the service's failure for a command that finds no connection, given why
   */
  public RedisConnection(String url, Function<String, ? extends RuntimeException> notConnected) {
    this.uri = RedisURI.create(url);
    this.notConnected = notConnected;
    // Completions hop back to the Vert.x context at once, so Lettuce's minimum of two threads is plenty.
    this.resources = DefaultClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2).build();
    this.client = RedisClient.create(resources, uri);
    client.setOptions(ClientOptions.builder()
        .autoReconnect(true)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build())
        .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
        .build());
  }

  /** Starts connecting in the background (at start-up); commands before it succeeds fail at once. */
  public void connect() {
    connectIfDue();
  }

  /**
   * Runs commands on the connection (through its async API, or dispatched together in one write);
   * completes on a Lettuce thread.
   *
   * @return a Uni that fails at once with the service's not-connected failure when there is no connection
   */
  public <T> Uni<T> call(Function<StatefulRedisConnection<String, String>, ? extends CompletionStage<T>> command) {
    StatefulRedisConnection<String, String> open = connection;
    if (open == null) {
      connectIfDue();
      return Uni.createFrom().failure(notConnected.apply("not connected to Redis at " + uri.getHost()
          + ":" + uri.getPort()));
    }
    return Uni.createFrom().completionStage(() -> command.apply(open));
  }

  /** Redis' answer to a PING within {@code timeout}; fails, saying why, when there is none (for health checks). */
  public Uni<String> ping(Duration timeout) {
    return call(open -> open.async().ping()).ifNoItem().after(timeout).fail();
  }

  private void connectIfDue() {
    long now = System.nanoTime();
    long due = nextAttempt.get();
    if (due != Long.MIN_VALUE && now - due < 0 || !nextAttempt.compareAndSet(due, now + RETRY_NANOS)) {
      return;
    }
    client.connectAsync(StringCodec.UTF8, uri).whenComplete((opened, failure) -> {
      if (failure != null) {
        LOG.warnf("cannot connect to Redis at %s:%d (retrying on demand): %s", uri.getHost(), uri.getPort(),
            failure.getMessage());
      } else if (connection != null) {
        opened.closeAsync();
      } else {
        connection = opened;
        LOG.infof("connected to Redis at %s:%d", uri.getHost(), uri.getPort());
      }
    });
  }

  @Override
  public void close() {
    StatefulRedisConnection<String, String> open = connection;
    if (open != null) {
      open.close();
    }
    client.shutdown();
    resources.shutdown();
  }
}
