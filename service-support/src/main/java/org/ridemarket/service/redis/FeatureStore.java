package org.ridemarket.service.redis;

import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.opentelemetry.context.Context;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.MapOutput;
import io.lettuce.core.protocol.AsyncCommand;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.ridemarket.service.config.ServingConfig;
import org.ridemarket.service.deadline.Deadline;
import org.ridemarket.service.deadline.Stall;

/**
 * The feature store as a decision sees it: every hash of one decision read in one pipelined round
 * trip (the HGETALLs leave in a single write) under the request's deadline, and small fire-and-forget
 * writes of shared decision state. Reads complete on a Lettuce thread. While Redis has answered
 * nothing for {@code serving.features.stall-after} with a read under way (paused, or its host gone
 * quiet), reads fail at once rather than each waiting out its timeout ({@link Stall}).
 */
@ApplicationScoped
public class FeatureStore {

  private static final Logger LOG = Logger.getLogger(FeatureStore.class);
  private static final Executor DIRECT = Runnable::run;

  private final RedisConnection redis;
  private final Duration timeout;
  private final Stall stall;

  FeatureStore(ServingConfig config) {
    this.redis = new RedisConnection(config.features().redisUrl(), FeatureStoreException::new);
    this.timeout = config.features().timeout();
    this.stall = new Stall(config.features().stallAfter());
  }

  void start(@Observes StartupEvent started) {
    redis.connect();
  }

  void stop(@Observes ShutdownEvent stopping) {
    redis.close();
  }

  /**
   * The hashes at {@code keys}, in order (an absent key reads as an empty map).
   *
   * @return a Uni that fails with {@link FeatureStoreException} when Redis is down or stalled, or has not
   *     answered within the configured timeout or the deadline, whichever is nearer
   */
  public Uni<List<Map<String, String>>> read(List<String> keys, Deadline deadline) {
    if (stall.skip()) {
      return Uni.createFrom().failure(stalled());
    }
    Uni<List<Map<String, String>>> read = redis.<List<Map<String, String>>>call(connection -> {
      List<AsyncCommand<String, String, Map<String, String>>> commands = new ArrayList<>(keys.size());
      for (String key : keys) {
        commands.add(new AsyncCommand<>(new Command<>(CommandType.HGETALL, new MapOutput<>(StringCodec.UTF8),
            new CommandArgs<>(StringCodec.UTF8).addKey(key))));
      }
      stall.begin();
      try {
        connection.dispatch(commands);
      } catch (RuntimeException e) {
        stall.end(true);
        throw e;
      }
      return CompletableFuture.allOf(commands.toArray(CompletableFuture[]::new))
          .whenComplete((done, failure) -> stall.end(answered(failure)))
          .thenApply(done -> commands.stream().map(CompletableFuture::join).toList());
    }).onFailure(failure -> !(failure instanceof FeatureStoreException))
        .transform(failure -> new FeatureStoreException("Redis read failed: " + failure.getMessage(), failure));
    return inCallersTrace(deadline.bound(read, timeout, () -> new FeatureStoreException("Redis did not answer "
        + keys.size() + " reads within " + deadline.cap(timeout).toMillis() + " ms")));
  }

  // A read completes on a Lettuce thread (or the timer's), where no trace is current. The caller's next step
  // (handing the decision to the pool, whose task carries the current trace) runs there, so the answer is
  // emitted with the caller's trace made current again: its spans stay in the request's trace.
  private static <T> Uni<T> inCallersTrace(Uni<T> read) {
    return read.emitOn(Context.current().wrap(DIRECT));
  }

  /**
   * Sends commands without waiting for them (decision state that may be lost: the next decision
   * recomputes it); a failure is logged, never raised. While Redis is stalled nothing is sent: the writes
   * would wait in the client for as long as it is silent, and when it comes back their backlog would be
   * answered at once, ahead of the reads of the decisions waiting then.
   */
  public void writeLater(Consumer<RedisAsyncCommands<String, String>> commands) {
    if (stall.stalled()) {
      return;
    }
    redis.call(connection -> {
      commands.accept(connection.async());
      return CompletableFuture.completedFuture(null);
    }).subscribe().with(done -> { }, failure -> LOG.debugf("feature store write dropped: %s", failure.getMessage()));
  }

  /** Runs one command and waits for it no longer than the deadline allows (not at all while Redis is stalled). */
  public <T> Uni<T> call(Function<RedisAsyncCommands<String, String>, ? extends CompletionStage<T>> command,
      Deadline deadline) {
    if (stall.skip()) {
      return Uni.createFrom().failure(stalled());
    }
    Uni<T> call = redis.call(connection -> {
      stall.begin();
      CompletionStage<T> sent;
      try {
        sent = command.apply(connection.async());
      } catch (RuntimeException e) {
        stall.end(true);
        throw e;
      }
      return sent.whenComplete((answer, failure) -> stall.end(answered(failure)));
    });
    return inCallersTrace(deadline.bound(call, timeout,
        () -> new FeatureStoreException("Redis did not answer within " + deadline.cap(timeout).toMillis() + " ms")));
  }

  // Lettuce's own command timeout is the client giving up, not Redis answering (a paused Redis answers nothing).
  private static boolean answered(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
        : failure;
    return !(cause instanceof RedisCommandTimeoutException);
  }

  private FeatureStoreException stalled() {
    return new FeatureStoreException("Redis has answered nothing for " + stall.silent().toMillis() + " ms");
  }

  /** Redis' answer to a PING within {@code wait}; fails, saying why, when there is none. */
  public Uni<String> ping(Duration wait) {
    return redis.ping(wait);
  }
}
