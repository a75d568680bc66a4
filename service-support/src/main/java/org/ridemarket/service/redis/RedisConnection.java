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
import io.lettuce.core.resource.EventLoopGroupProvider;
import io.lettuce.core.resource.Transports;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoop;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ImmediateEventExecutor;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Lettuce connections to a feature store: one per Vert.x event loop, registered on that loop (docs/adr/0037),
 * or one on Lettuce's own threads where no loops are given. A command from an event loop goes out on that
 * loop's own connection, written at once without waking another thread, and its answer is read and completed
 * on the same loop; a command from any other thread uses the first connection. Commands fail at once while a
 * connection is down instead of queueing, and a connection that could not be made is retried at most once a
 * second, so a Redis outage costs a request a fast failure, never a wait.
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
  private final List<Lane> lanes = new ArrayList<>();

  /** A client for {@code url} on Lettuce's own threads that has not connected yet. */
  public RedisConnection(String url, Function<String, ? extends RuntimeException> notConnected) {
    this(url, notConnected, List.of());
  }

  /**
   * A client for {@code url} with one connection on each of {@code loops} (none connected yet); on Lettuce's own
   * threads when {@code loops} is empty, or when Lettuce would open channels those loops cannot serve (a native
   * transport on one side only).
   *
   * @param notConnected the service's failure for a command that finds no connection, given why
   */
  public RedisConnection(String url, Function<String, ? extends RuntimeException> notConnected,
      List<EventLoop> loops) {
    this.uri = RedisURI.create(url);
    this.notConnected = notConnected;
    // Completions hop back to the Vert.x context at once, so Lettuce's minimum of two threads is plenty; with
    // loops given, its I/O threads are never started.
    this.resources = DefaultClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2).build();
    if (!loops.isEmpty() && servable(loops)) {
      for (EventLoop loop : loops) {
        lanes.add(new Lane(loop, resources.mutate().eventLoopGroupProvider(new OneLoop(loop)).build()));
      }
    } else {
      if (!loops.isEmpty()) {
        LOG.infof("Redis connections stay on Lettuce's threads: Lettuce opens %s channels, the event loops are %s",
            Transports.socketChannelClass().getSimpleName(), loops.get(0).getClass().getSimpleName());
      }
      lanes.add(new Lane(null, resources));
    }
  }

  // Lettuce picks its channel type from the transports on the class path; Vert.x from its own setting.
  private static boolean servable(List<EventLoop> loops) {
    return Transports.socketChannelClass() == NioSocketChannel.class
        && loops.stream().allMatch(loop -> loop instanceof NioEventLoop);
  }

  /** Starts connecting in the background (at start-up); commands before it succeeds fail at once. */
  public void connect() {
    lanes.forEach(Lane::connectIfDue);
  }

  /**
   * Runs commands on the calling event loop's connection, or the first one off the loops (through its async
   * API, or dispatched together in one write); completes on that connection's thread.
   *
   * @return a Uni that fails at once with the service's not-connected failure when there is no connection
   */
  public <T> Uni<T> call(Function<StatefulRedisConnection<String, String>, ? extends CompletionStage<T>> command) {
    Lane lane = lane();
    StatefulRedisConnection<String, String> open = lane.connection;
    if (open == null) {
      lane.connectIfDue();
      return Uni.createFrom().failure(notConnected.apply("not connected to Redis at " + uri.getHost()
          + ":" + uri.getPort()));
    }
    return Uni.createFrom().completionStage(() -> command.apply(open));
  }

  private Lane lane() {
    for (int i = 1; i < lanes.size(); i++) {
      Lane lane = lanes.get(i);
      if (lane.loop.inEventLoop()) {
        return lane;
      }
    }
    return lanes.get(0);
  }

  /**
   * Redis' answer to a PING on every connection within {@code timeout}; fails, saying why, when one has none
   * (for health checks).
   */
  public Uni<String> ping(Duration timeout) {
    List<Uni<String>> pings = new ArrayList<>(lanes.size());
    for (Lane lane : lanes) {
      StatefulRedisConnection<String, String> open = lane.connection;
      if (open == null) {
        lane.connectIfDue();
        return Uni.createFrom().failure(notConnected.apply("not connected to Redis at " + uri.getHost()
            + ":" + uri.getPort()));
      }
      pings.add(Uni.createFrom().completionStage(() -> open.async().ping()));
    }
    return Uni.join().all(pings).andFailFast().map(answers -> answers.get(0)).ifNoItem().after(timeout).fail();
  }

  @Override
  public void close() {
    for (Lane lane : lanes) {
      lane.close();
    }
    resources.shutdown();
  }

  /** One connection, on {@code loop} (null: Lettuce's own threads). */
  private final class Lane {

    private final EventLoop loop;
    private final ClientResources laneResources;
    private final RedisClient client;
    private final AtomicLong nextAttempt = new AtomicLong(Long.MIN_VALUE);
    private volatile StatefulRedisConnection<String, String> connection;

    Lane(EventLoop loop, ClientResources laneResources) {
      this.loop = loop;
      this.laneResources = laneResources;
      this.client = RedisClient.create(laneResources, uri);
      client.setOptions(ClientOptions.builder()
          .autoReconnect(true)
          .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
          .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build())
          .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
          .build());
    }

    void connectIfDue() {
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
          LOG.infof("connected to Redis at %s:%d%s", uri.getHost(), uri.getPort(),
              loop == null ? "" : " on event loop " + (lanes.indexOf(this) + 1) + " of " + lanes.size());
        }
      });
    }

    void close() {
      StatefulRedisConnection<String, String> open = connection;
      if (open != null) {
        open.close();
      }
      client.shutdown();
      if (laneResources != resources) {
        laneResources.shutdown();
      }
    }
  }

  /**
   * Hands Lettuce one event loop that it does not own: every channel of the client is registered on it, and
   * releasing or shutting down leaves it running (Vert.x owns it).
   */
  private static final class OneLoop implements EventLoopGroupProvider {

    private final EventLoop loop;

    OneLoop(EventLoop loop) {
      this.loop = loop;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends EventLoopGroup> T allocate(Class<T> type) {
      // A single-threaded loop is a group of itself (next() returns it); Lettuce only uses it as a group.
      return (T) loop;
    }

    @Override
    public int threadPoolSize() {
      return 1;
    }

    @Override
    public Future<Boolean> release(EventExecutorGroup group, long quietPeriod, long timeout, TimeUnit unit) {
      return ImmediateEventExecutor.INSTANCE.newSucceededFuture(true);
    }

    @Override
    public Future<Boolean> shutdown(long quietPeriod, long timeout, TimeUnit unit) {
      return ImmediateEventExecutor.INSTANCE.newSucceededFuture(true);
    }
  }
}
