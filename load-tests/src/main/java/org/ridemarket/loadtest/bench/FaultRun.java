package org.ridemarket.loadtest.bench;

import io.vertx.core.http.HttpMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The fault check of the "Done when": a steady load on every service while PostgreSQL, then
 * Redis, is paused with SIGSTOP (every process of the stack's PostgreSQL, the Redis server) and resumed
 * with SIGCONT. Requests are sorted by the phase they were due in; an answer later than the service's
 * budget plus the margin is counted late. Each service's JIT is warmed first, as in {@code bench}: the
 * check is about the pauses, and a JVM still compiling on 2 cores answers late with nothing paused.
 */
public final class FaultRun {

  static final String PG_PAUSED = "postgres paused";
  static final String REDIS_PAUSED = "redis paused";

  private final Options options;
  private final OpenLoop generator;
  private final List<String> events = Collections.synchronizedList(new ArrayList<>());

  FaultRun(Options options, OpenLoop generator) {
    this.options = options;
    this.generator = generator;
  }

  /** Runs the load and the pauses; returns the outcomes per service. */
  FaultReport run() throws InterruptedException {
    List<Service> services = BenchSettings.services(options);
    int rate = Math.max(1, options.integer("rate", 100));
    Duration pause = options.duration("pause", "30s");
    Timeline timeline = new Timeline().then("warm-up", options.duration("warmup", "10s"))
        .then("steady", options.duration("before", "20s")).then(PG_PAUSED, pause)
        .then("after postgres", options.duration("between", "30s")).then(REDIS_PAUSED, pause)
        .then("after redis", options.duration("after", "20s"));
    Duration margin = options.duration("margin", "50ms");
    Path postgresDir = Path.of(options.text("postgres-dir", ".stack/postgres"));
    int redisPort = options.integer("redis-port", 16379);
    Map<Service, Duration> budgets = new LinkedHashMap<>();
    for (Service service : services) {
      budgets.put(service, options.duration("budget-" + service.label(), service.budgetMillis() + "ms"));
    }
    RequestBodies bodies = new RequestBodies(Long.parseLong(options.text("seed", "42")), BenchSettings.runId(options));
    String apiKey = options.text("api-key", "dev-gateway-key");
    JitWarmUp jit = new JitWarmUp(generator, bodies, options.duration("jit-warmup", "120s"),
        options.duration("jit-slice", "10s"), Double.parseDouble(options.text("jit-quiet", "20")), apiKey);
    int jitRate = Math.max(1, options.integer("jit-rate", 500));
    options.requireAllKnown();

    // Fail before any load when a server to pause is not there.
    StackProcesses.postgres(postgresDir);
    StackProcesses.redis(redisPort);
    for (Service service : services) {
      long pid = ListeningSocket.pidListeningOn(service.port()).orElseThrow(() -> new IllegalArgumentException(
          "nothing listens on 127.0.0.1:" + service.port() + " (" + service.label() + "-service); is the stack up?"));
      // Streams from 1,000 on: the measured loads use 0-2, so no warm-up transaction id is replayed.
      events.add(service.label() + ": " + jit.warm(service, pid, jitRate, 1_000).description());
    }
    Map<Service, PhasedOutcomes> outcomes = new LinkedHashMap<>();
    List<Load> loads = new ArrayList<>();
    for (Service service : services) {
      long lateAfter = budgets.get(service).plus(margin).toNanos() / 1_000;
      PhasedOutcomes sink = new PhasedOutcomes(timeline, lateAfter);
      outcomes.put(service, sink);
      int count = timeline.requestsAt(rate);
      loads.add(new Load(service.label(), service.port(), HttpMethod.POST, service.path(),
          service == Service.FRAUD ? Map.of("X-Api-Key", apiKey) : Map.of(),
          bodies.build(service, service.ordinal(), count), rate, count, sink));
    }
    System.out.printf("faults: %d/s to each of %s for %d s; PostgreSQL paused at %d s, Redis at %d s, %d s each%n",
        rate, services, timeline.total().toSeconds(), timeline.startOf(PG_PAUSED).toSeconds(),
        timeline.startOf(REDIS_PAUSED).toSeconds(), pause.toSeconds());
    // The generator starts its schedule 50 ms after it is called; event times are on that scale (±1 ms).
    long start = System.nanoTime() + 50_000_000L;
    try (Pauser pauser = new Pauser()) {
      List<Long> pg = Collections.synchronizedList(new ArrayList<>());
      List<Long> redis = Collections.synchronizedList(new ArrayList<>());
      Supplier<List<Long>> findPostgres = () -> StackProcesses.postgres(postgresDir);
      Supplier<List<Long>> findRedis = () -> List.of(StackProcesses.redis(redisPort));
      generator.run(loads, List.of(
          // Found ahead: scanning /proc and starting kill(1) take long enough on a busy machine to shift the pause.
          new TimedAction(ahead(timeline.startOf(PG_PAUSED)), () -> pg.addAll(findPostgres.get())),
          new TimedAction(timeline.startOf(PG_PAUSED), () -> stop(pauser, "PostgreSQL", pg, findPostgres, start)),
          new TimedAction(timeline.startOf("after postgres"), () -> resume(pauser, "PostgreSQL", pg, start)),
          new TimedAction(ahead(timeline.startOf(REDIS_PAUSED)), () -> redis.addAll(findRedis.get())),
          new TimedAction(timeline.startOf(REDIS_PAUSED), () -> stop(pauser, "Redis", redis, findRedis, start)),
          new TimedAction(timeline.startOf("after redis"), () -> resume(pauser, "Redis", redis, start))));
    }
    return new FaultReport(timeline, budgets, margin, outcomes, List.copyOf(events));
  }

  private static Duration ahead(Duration at) {
    Duration earlier = at.minusSeconds(2);
    return earlier.isNegative() ? Duration.ZERO : earlier;
  }

  // Stops the processes found ahead at once, then any that appeared since (a new backend).
  private void stop(Pauser pauser, String what, List<Long> pids, Supplier<List<Long>> find, long start) {
    if (!pids.isEmpty()) {
      pauser.stop(List.copyOf(pids));
      event(start, "SIGSTOP " + what + " " + pids);
    }
    List<Long> newcomers = new ArrayList<>(find.get());
    newcomers.removeAll(pids);
    if (!newcomers.isEmpty()) {
      pauser.stop(newcomers);
      pids.addAll(newcomers);
      event(start, "SIGSTOP " + what + " " + newcomers + " (found at the pause)");
    }
  }

  private void resume(Pauser pauser, String what, List<Long> pids, long start) {
    pauser.resume(pids);
    event(start, "SIGCONT " + what + " " + pids);
  }

  private void event(long start, String what) {
    String line = String.format(java.util.Locale.ROOT, "%.3f s: %s", (System.nanoTime() - start) / 1e9, what);
    events.add(line);
    System.out.println("  " + line);
  }
}
