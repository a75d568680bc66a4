package org.ridemarket.loadtest.bench;

import static org.ridemarket.loadtest.bench.Format.header;
import static org.ridemarket.loadtest.bench.Format.ms;
import static org.ridemarket.loadtest.bench.Format.percent;
import static org.ridemarket.loadtest.bench.Format.row;

import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ridemarket.stack.AppInstances;

/**
 * A new instance's first callers (ADR 0031): starts a fresh JVM of one service beside the stack's, on a port
 * of its own, waits until its readiness says UP, then at once offers it a steady load and reports what the
 * callers of each phase saw (the first second, the next four, the rest). Arms alternate in one run, the
 * warm-up off ({@code -Dserving.warmup.rounds=0}) and on (the service's configuration), so both meet the
 * same machine. Run from the repository root with the stack up: the instance uses its Kafka, Redis and
 * PostgreSQL, and its features.
 */
final class ColdStartRun {

  private static final Duration POLL = Duration.ofMillis(20);

  private final Options options;
  private final OpenLoop generator;

  ColdStartRun(Options options, OpenLoop generator) {
    this.options = options;
    this.generator = generator;
  }

  /** One start of one arm. */
  record Start(String arm, int pair, double readySeconds, Timeline timeline, PhasedOutcomes outcomes) {
  }

  List<String> run() throws Exception {
    Service service = Service.named(options.text("service", "pricing"));
    List<String> arms = options.list("arms", "off,on");
    int pairs = Math.max(1, options.integer("pairs", 2));
    int rate = Math.max(1, options.integer("rate", 200));
    int port = options.integer("port", 18_000 + service.port() % 1_000);
    Duration readyTimeout = options.duration("ready-timeout", "180s");
    Timeline timeline = new Timeline().then("0-1 s", Duration.ofSeconds(1)).then("1-5 s", Duration.ofSeconds(4))
        .then("5 s-", options.duration("duration", "15s").minusSeconds(5));
    Path logs = Path.of(options.text("logs", "load-tests/target/cold-start"));
    RequestBodies bodies = new RequestBodies(Long.parseLong(options.text("seed", "42")), BenchSettings.runId(options));
    String apiKey = options.text("api-key", "dev-gateway-key");
    options.requireAllKnown();
    Files.createDirectories(logs);

    List<Start> starts = new ArrayList<>();
    long stream = 300 + service.ordinal() * 100L;
    for (int pair = 1; pair <= pairs; pair++) {
      for (String arm : arms) {
        Path log = logs.resolve(service.label() + "-" + arm + "-" + pair + ".log");
        System.out.printf("cold start %d, warm-up %s: %s on port %d (log %s)%n", pair, arm, service.label(), port, log);
        Process process = start(service, arm, port, log);
        try {
          double ready = awaitReady(process, port, readyTimeout);
          PhasedOutcomes outcomes = new PhasedOutcomes(timeline);
          int count = timeline.requestsAt(rate);
          generator.run(List.of(new Load(service.label() + "-cold", port, HttpMethod.POST, service.path(),
              service == Service.FRAUD ? Map.of("X-Api-Key", apiKey) : Map.of(),
              bodies.build(service, stream++, count), rate, count, outcomes)), List.of());
          Start start = new Start(arm, pair, ready, timeline, outcomes);
          starts.add(start);
          System.out.println("  ready after " + String.format(Locale.ROOT, "%.1f s", ready) + "; " + line(start));
        } finally {
          stop(process);
        }
      }
    }
    return report(service, rate, starts);
  }

  private static Process start(Service service, String arm, int port, Path log) throws IOException {
    List<String> options = new ArrayList<>(List.of("-Dquarkus.http.port=" + port));
    switch (arm) {
      case "off" -> options.add("-Dserving.warmup.rounds=0");
      case "on" -> { }
      default -> options.add("-Dserving.warmup.rounds=" + Integer.parseInt(arm));
    }
    // The stack's own recipe for the app (jar, JVM options, dev keys), from the repository root.
    return AppInstances.beside(Path.of("").toAbsolutePath(), service.label() + "-service", options)
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private double awaitReady(Process process, int port, Duration timeout) throws Exception {
    long started = System.nanoTime();
    long giveUpAt = started + timeout.toNanos();
    while (System.nanoTime() < giveUpAt) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the instance exited with code " + process.exitValue()
            + " before it was ready");
      }
      try {
        if (generator.call(port, HttpMethod.GET, "/q/health/ready", Map.of()).status() == 200) {
          return (System.nanoTime() - started) / 1e9;
        }
      } catch (Exception notYet) {
        // not listening yet
      }
      Thread.sleep(POLL.toMillis());
    }
    throw new IllegalStateException("the instance was not ready within " + timeout);
  }

  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static String line(Start start) {
    StringBuilder text = new StringBuilder();
    for (String phase : start.timeline().names()) {
      Outcomes o = start.outcomes().in(phase);
      text.append(String.format(Locale.ROOT, "%s p50 %s / p99 %s / max %s ms, %d degraded, %d not 2xx; ", phase,
          ms(o.millisAt(50)), ms(o.millisAt(99)), ms(o.maxMillis()), o.degraded(), o.notOk()));
    }
    return text.toString();
  }

  private static List<String> report(Service service, int rate, List<Start> starts) {
    List<String> lines = new ArrayList<>();
    lines.add("## " + service.endpoint() + " (" + service.label() + "-service): a new instance's first callers at "
        + rate + "/s");
    lines.add("");
    lines.add("Each row is one fresh JVM; the load starts the moment readiness says UP. Latency from each request's "
        + "due time, ms.");
    lines.add("");
    lines.addAll(header(List.of("start", "warm-up", "ready after s", "phase", "requests", "p50", "p99", "max",
        "degraded", "not 2xx", "statuses")));
    for (Start start : starts) {
      for (String phase : start.timeline().names()) {
        Outcomes o = start.outcomes().in(phase);
        lines.add(row(List.of(Integer.toString(start.pair()), start.arm(),
            String.format(Locale.ROOT, "%.1f", start.readySeconds()), phase, Long.toString(o.count()),
            ms(o.millisAt(50)), ms(o.millisAt(99)), ms(o.maxMillis()),
            o.degraded() + " (" + percent(o.count() == 0 ? 0 : (double) o.degraded() / o.count()) + ")",
            Long.toString(o.notOk()), Format.kinds(o.kinds()))));
      }
    }
    return lines;
  }
}
