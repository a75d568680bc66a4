package org.ridemarket.loadtest.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.impl.ContextInternal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.ridemarket.loadtest.measure.OpenSchedule;

/**
 * The open-model generator: requests leave on a fixed schedule whether or not earlier ones were
 * answered, and each is timed from its due time, so a stalled service (or a late generator) cannot hide
 * latency. Light on purpose: one Vert.x event loop does all the HTTP and paces the requests itself
 * (Netty's epoll loop wakes for a scheduled task to the microsecond, through timerfd), so no other
 * thread wakes it per request; bodies are pre-built.
 */
public final class OpenLoop implements AutoCloseable {

  private static final String HOST = "127.0.0.1";

  private final Vertx vertx;
  private final HttpClient client;
  private final ContextInternal loop;
  private final long timeoutMillis;

  /** A generator whose requests give up after {@code timeout} without a byte, on at most {@code connections}. */
  public OpenLoop(Duration timeout, int connections) {
    this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
        .setInternalBlockingPoolSize(1).setPreferNativeTransport(true));
    if (!vertx.isNativeTransportEnabled()) {
      System.err.println("warning: no native epoll transport (" + vertx.unavailableNativeTransportCause()
          + "): requests are paced to the millisecond only, and that lag counts in every latency");
    }
    // No pipelining and a large pool: a stalled service gets more connections, never fewer requests.
    this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true)
            .setConnectTimeout(2_000).setKeepAliveTimeout(120),
        new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
    this.loop = (ContextInternal) vertx.getOrCreateContext();
    this.timeoutMillis = timeout.toMillis();
  }

  /**
   * Offers {@code loads} together from one start and runs {@code actions} at their offsets; returns once
   * every request has an outcome.
   */
  public void run(List<Load> loads, List<TimedAction> actions) throws InterruptedException {
    int total = loads.stream().mapToInt(Load::count).sum();
    CountDownLatch done = new CountDownLatch(total);
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
    for (Load load : loads) {
      loop.runOnContext(ignored -> new Pacer(load, start, done).tick());
    }
    Thread actor = started("timed-actions", () -> TimedAction.runAll(actions, start));
    long longest = loads.stream().mapToLong(l -> OpenSchedule.evenOffsetNanos(l.count(), l.rate())).max().orElse(0);
    if (!done.await(longest + TimeUnit.MILLISECONDS.toNanos(timeoutMillis) + TimeUnit.SECONDS.toNanos(30),
        TimeUnit.NANOSECONDS)) {
      throw new IllegalStateException(done.getCount() + " requests still without an outcome long after their timeout");
    }
    actor.join();
  }

  private static Thread started(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** Sends one load's requests as they fall due, on the event loop, rescheduling itself for the next one. */
  private final class Pacer {

    private final Load load;
    private final long start;
    private final CountDownLatch done;
    private int next;

    Pacer(Load load, long start, CountDownLatch done) {
      this.load = load;
      this.start = start;
      this.done = done;
    }

    void tick() {
      long now = System.nanoTime();
      while (next < load.count() && start + OpenSchedule.evenOffsetNanos(next, load.rate()) <= now) {
        send(load, next++, start, done);
      }
      if (next < load.count()) {
        long wait = start + OpenSchedule.evenOffsetNanos(next, load.rate()) - System.nanoTime();
        // emit: run with the Vert.x context current, as the HTTP client expects on its own loop.
        loop.nettyEventLoop().schedule(() -> loop.emit(ignored -> tick()), Math.max(0, wait), TimeUnit.NANOSECONDS);
      }
    }
  }

  private void send(Load load, int n, long start, CountDownLatch done) {
    long due = OpenSchedule.evenOffsetNanos(n, load.rate());
    load.sink().sent(due, System.nanoTime() - start);
    request(load.port(), load.method(), load.uri(), load.headers(), load.body(n)).onComplete(result -> {
      long end = System.nanoTime() - start;
      if (result.succeeded()) {
        Answer answer = result.result();
        load.sink().answered(due, end, answer.status(), answer.retryAfter(), answer.degraded());
      } else {
        load.sink().failed(due, end, Answers.failureKind(result.cause()));
      }
      done.countDown();
    });
  }

  /** One request outside any schedule (a probe, an admin call); waits for its answer. */
  public Answer call(int port, HttpMethod method, String uri, Map<String, String> headers) throws Exception {
    return request(port, method, uri, headers, null).toCompletionStage().toCompletableFuture()
        .get(timeoutMillis + 5_000, TimeUnit.MILLISECONDS);
  }

  private Future<Answer> request(int port, HttpMethod method, String uri, Map<String, String> headers,
      io.vertx.core.buffer.Buffer body) {
    RequestOptions options = new RequestOptions().setMethod(method).setHost(HOST).setPort(port).setURI(uri)
        .setIdleTimeout(timeoutMillis);
    headers.forEach(options::addHeader);
    if (body != null) {
      options.addHeader("Content-Type", "application/json").addHeader("Accept", "application/json");
    }
    return client.request(options)
        .compose((HttpClientRequest request) -> body == null ? request.send() : request.send(body))
        .compose(response -> response.body().map(bytes -> new Answer(response.statusCode(),
            response.getHeader("Retry-After") != null, Answers.degraded(bytes.toString()))));
  }

  @Override
  public void close() {
    client.close().toCompletionStage().toCompletableFuture().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null)
        .join();
    vertx.close().toCompletionStage().toCompletableFuture().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null)
        .join();
  }

  /**
   * An HTTP answer as the harness needs it.
   *
   * @param status HTTP status
   * @param retryAfter whether it carried Retry-After
   * @param degraded whether its body said degraded
   */
  public record Answer(int status, boolean retryAfter, boolean degraded) {
  }
}
