package org.ridemarket.loadtest.bench;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The benchmark: per service, its idle CPU, its empty endpoint at the floor rate, then each offered rate
 * (warm-up, then measured), one step after the other so no two overlap, with the service's and the
 * generator's CPU over each measured phase.
 */
public final class BenchRun {

  /** How many of a step's slowest seconds the report shows with the machine's state. */
  static final int SLOW_SECONDS_SHOWN = 5;

  private final BenchSettings settings;
  private final OpenLoop generator;
  private final RequestBodies bodies;
  private long stream;

  BenchRun(BenchSettings settings, OpenLoop generator) {
    this.settings = settings;
    this.generator = generator;
    this.bodies = new RequestBodies(settings.seed(), settings.runId());
  }

  /** Measures {@code service}; a service that is not up is skipped with the reason. */
  ServiceRun measure(Service service) throws InterruptedException {
    long pid = ListeningSocket.pidListeningOn(service.port()).orElse(0);
    if (pid == 0) {
      return ServiceRun.skipped(service, "nothing listens on 127.0.0.1:" + service.port());
    }
    System.out.printf("%s: pid %d listens on %d; idle CPU over %d s%n", service.label(), pid, service.port(),
        settings.idle().toSeconds());
    CpuWindow idleWindow = CpuWindow.on(pid).start();
    Thread.sleep(settings.idle().toMillis());
    double idle = settings.idle().isZero() ? Double.NaN : idleWindow.stop().serviceMillisPerSecond();

    String noopUri = settings.noopPath();
    String note = "GET " + noopUri;
    int probe = probe(service, noopUri);
    if (probe / 100 != 2) {
      noopUri = settings.noopFallback();
      note = "GET " + settings.noopPath() + " answered " + (probe < 0 ? "nothing" : "HTTP " + probe)
          + ", so the fallback GET " + noopUri + " (not an empty endpoint: it runs the liveness checks)";
      System.out.println(service.label() + ": " + note);
    }
    StepResult noop = step(service, pid, "noop " + settings.floorRate() + "/s", settings.floorRate(),
        settings.floorDuration(), HttpMethod.GET, noopUri, null, idle);
    String warmUp = jitWarmUp(service, pid);
    List<StepResult> steps = new ArrayList<>();
    for (int rate : settings.rates()) {
      Timeline timeline = timeline(settings.duration());
      Buffer[] built = bodies.build(service, stream++, timeline.requestsAt(rate));
      steps.add(step(service, pid, rate + "/s", rate, settings.duration(), HttpMethod.POST, service.path(), built,
          idle));
    }
    return new ServiceRun(service, pid, noopUri, note, warmUp, noop, steps, null);
  }

  // At the highest rate: a service warmed at a lower one compiled again in its higher-rate steps
  // (docs/benchmarks/2026-12-06-console-polls.md, sections 4 and 5).
  private String jitWarmUp(Service service, long pid) throws InterruptedException {
    JitWarmUp.Result result = new JitWarmUp(generator, bodies, settings.jitWarmUp(), settings.jitSlice(),
        settings.jitQuiet(), settings.apiKey()).warm(service, pid, Collections.max(settings.rates()), stream);
    stream += result.streams();
    return result.description();
  }

  private StepResult step(Service service, long pid, String label, int rate, Duration measured, HttpMethod method,
      String uri, Buffer[] built, double idle) throws InterruptedException {
    Timeline timeline = timeline(measured);
    PhasedOutcomes outcomes = new PhasedOutcomes(timeline);
    CpuWindow cpu = CpuWindow.on(pid);
    AtomicReference<Measuring> started = new AtomicReference<>();
    long measuredOffset = timeline.startOf("measured").toNanos();
    Map<String, String> headers = service == Service.FRAUD && built != null
        ? Map.of("X-Api-Key", settings.apiKey()) : Map.of();
    Load load = new Load(service.label() + "-" + label.replace(' ', '-'), service.port(), method, uri, headers,
        built, rate, timeline.requestsAt(rate), outcomes);
    System.out.printf("%s %s: %s warm-up, %d s measured%n", service.label(), label,
        settings.warmUp().toSeconds() + " s", measured.toSeconds());
    generator.run(List.of(load), List.of(new TimedAction(timeline.startOf("measured"), () -> started.set(
        new Measuring(cpu.start(), System.nanoTime() - measuredOffset, Instant.now().minusNanos(measuredOffset),
            MachineSampler.start())))));
    Outcomes phase = outcomes.in("measured");
    CpuWindow.Use use = new CpuWindow.Use(0, 0, 0, 0);
    MachineSampler.Window machine = null;
    List<SlowSecond> slowSeconds = new ArrayList<>();
    Measuring measuring = started.get();
    if (measuring != null) {
      use = measuring.cpu().stop();
      MachineSampler.Record record = measuring.sampler().stop();
      machine = record.between(measuring.loadStartNanoTime() + measuredOffset,
          measuring.loadStartNanoTime() + phase.lastEndOffsetNanos());
      for (Outcomes.Second second : phase.slowestSeconds(SLOW_SECONDS_SHOWN)) {
        long start = measuring.loadStartNanoTime() + second.index() * 1_000_000_000L;
        slowSeconds.add(new SlowSecond(measuring.loadStartWall().plusSeconds(second.index()), second,
            record.between(start, start + 1_000_000_000L)));
      }
    }
    StepResult result = new StepResult(label, rate, phase, outcomes.lagIn("measured"), use, idle, machine,
        slowSeconds);
    System.out.println("  " + BenchReport.stepLine(service, result));
    Thread.sleep(settings.settle().toMillis());
    return result;
  }

  private Timeline timeline(Duration measured) {
    return new Timeline().then("warm-up", settings.warmUp()).then("measured", measured);
  }

  private int probe(Service service, String uri) {
    try {
      return generator.call(service.port(), HttpMethod.GET, uri, Map.of()).status();
    } catch (Exception e) {
      return -1;
    }
  }

  /**
   * What a step started at the beginning of its measured phase.
   *
   * @param cpu the service's and the harness's CPU window
   * @param loadStartNanoTime the load's start ({@link System#nanoTime()}), the origin of its due offsets
   * @param loadStartWall the same moment on the wall clock
   * @param sampler the whole machine, sampled until the step ends
   */
  private record Measuring(CpuWindow cpu, long loadStartNanoTime, Instant loadStartWall, MachineSampler sampler) {
  }
}
