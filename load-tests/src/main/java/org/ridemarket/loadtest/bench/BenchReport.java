package org.ridemarket.loadtest.bench;

import static org.ridemarket.loadtest.bench.Format.header;
import static org.ridemarket.loadtest.bench.Format.ms;
import static org.ridemarket.loadtest.bench.Format.ratio;
import static org.ridemarket.loadtest.bench.Format.row;
import static org.ridemarket.loadtest.bench.Format.us;
import static org.ridemarket.loadtest.bench.Format.within;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's report in markdown: how it was run, the floors, then one table per endpoint with the
 * ratios the issue asks for (p50 against the floors, CPU per request against 250 µs, p99 against 5 ms
 * up to 1,000/s and 10 ms up to 2,000/s).
 */
public final class BenchReport {

  private static final int TOP_PROCESSES = 5;
  private static final DateTimeFormatter SECOND =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** The CPU target per request. */
  public static final double CPU_TARGET_MICROS = 250;

  private BenchReport() {
  }

  /** The p99 target at {@code rate}: 5 ms up to 1,000/s, 10 ms up to 2,000/s, none above. */
  public static double p99TargetMillis(int rate) {
    return rate <= 1_000 ? 5 : rate <= 2_000 ? 10 : Double.NaN;
  }

  /** The whole report. */
  public static List<String> markdown(RunInfo info, Floor redis, Floor onnx, Floor onnxCold, List<ServiceRun> runs) {
    return withHeader(info, body(redis, onnx, onnxCold, runs));
  }

  /** The run's header and how it measures, then {@code body}. */
  public static List<String> withHeader(RunInfo info, List<String> body) {
    List<String> lines = new ArrayList<>(info.header("Serving benchmark"));
    lines.add("- open model: requests leave on a fixed schedule whatever the answers; latency counts from each"
        + " request's due time to its outcome (any status, or a transport failure)");
    lines.add("- CPU: utime + stime of `/proc/<pid>/stat` over the measured phase (10 ms ticks), the pid being the"
        + " process whose `/proc/<pid>/fd` holds the listening socket's inode from `/proc/net/tcp`; *net of idle*"
        + " subtracts the service's CPU rate with no harness load (background work, the simulator's own calls)");
    lines.add("");
    lines.addAll(body);
    return lines;
  }

  /**
   * The floors and one table per endpoint; the ratios are to the warm ONNX run ({@code onnx}), {@code onnxCold} is
   * listed beside it.
   */
  public static List<String> body(Floor redis, Floor onnx, Floor onnxCold, List<ServiceRun> runs) {
    List<String> lines = new ArrayList<>();
    lines.add("## Floors");
    lines.add("");
    lines.addAll(header(List.of("floor", "p50 ms", "p99 ms", "samples", "how")));
    for (Floor floor : List.of(redis, onnx, onnxCold)) {
      lines.add(row(List.of(floor.what(), ms(floor.p50Millis()), ms(floor.p99Millis()), Long.toString(floor.samples()),
          floor.note())));
    }
    for (ServiceRun run : runs) {
      if (run.noop() != null) {
        Outcomes noop = run.noop().outcomes();
        lines.add(row(List.of(run.service().label() + " " + run.noop().label() + " GET " + run.noopUri(),
            ms(noop.millisAt(50)), ms(noop.millisAt(99)), Long.toString(noop.count()),
            "same generator, open model; service CPU " + us(run.noop().serviceMicrosPerRequest())
                + " µs/request; " + run.noopNote())));
      }
    }
    double work = redis.p50Millis() + onnx.p50Millis();
    for (ServiceRun run : runs) {
      lines.add("");
      lines.addAll(endpoint(run, work));
    }
    return lines;
  }

  private static List<String> endpoint(ServiceRun run, double workFloor) {
    List<String> lines = new ArrayList<>();
    lines.add("## " + run.service().endpoint() + " (" + run.service().label() + "-service"
        + (run.pid() > 0 ? ", pid " + run.pid() : "") + ")");
    lines.add("");
    if (run.problem() != null) {
      lines.add("Not measured: " + run.problem() + ".");
      return lines;
    }
    double idle = run.noop() == null ? Double.NaN : run.noop().idleMillisPerSecond();
    lines.add("Idle CPU before the load: " + Format.one(idle) + " ms/s. " + run.warmUp() + ".");
    lines.add("");
    lines.addAll(header(List.of("offered", "achieved/s", "p50 ms", "p99 ms", "p99.9 ms", "max ms", "not 2xx",
        "degraded", "CPU µs/req", "net of idle", "≤ 250 µs", "JIT ms/s", "generator µs/req", "gen lag p50/p99/max ms",
        "p50 ÷ noop p50", "p50 ÷ (Redis+ONNX)", "p99 target ms", "p99 ok")));
    double noopP50 = run.noop() == null ? Double.NaN : run.noop().outcomes().millisAt(50);
    List<StepResult> all = new ArrayList<>();
    if (run.noop() != null) {
      all.add(run.noop());
    }
    all.addAll(run.steps());
    for (StepResult step : all) {
      Outcomes o = step.outcomes();
      boolean decision = !step.label().startsWith("noop");
      double target = decision ? p99TargetMillis(step.rate()) : Double.NaN;
      lines.add(row(List.of(step.label(), Format.one(o.achievedPerSecond()), ms(o.millisAt(50)), ms(o.millisAt(99)),
          ms(o.millisAt(99.9)), ms(o.maxMillis()), Long.toString(o.notOk()), Format.percent(o.degradedShare()),
          us(step.serviceMicrosPerRequest()), us(step.netServiceMicrosPerRequest()),
          decision ? within(step.serviceMicrosPerRequest(), CPU_TARGET_MICROS) : "-",
          Format.one(step.cpu().compilerMillisPerSecond()), us(step.generatorMicrosPerRequest()),
          ms(step.lag().p50Millis()) + " / " + ms(step.lag().p99Millis()) + " / " + ms(step.lag().maxMillis()),
          decision ? ratio(o.millisAt(50), noopP50) : "-", decision ? ratio(o.millisAt(50), workFloor) : "-",
          Double.isNaN(target) ? "-" : ms(target), within(o.millisAt(99), target))));
    }
    lines.add("");
    for (StepResult step : all) {
      lines.add("- " + step.label() + " outcomes: " + Format.kinds(step.outcomes().kinds()));
    }
    for (StepResult step : all) {
      lines.addAll(slowSeconds(step));
    }
    return lines;
  }

  /** When a step's slow answers came, and what the machine was doing then. */
  static List<String> slowSeconds(StepResult step) {
    List<String> lines = new ArrayList<>();
    if (step.machine() == null) {
      return lines;
    }
    Outcomes o = step.outcomes();
    MachineSampler.Window phase = step.machine();
    lines.add("");
    lines.add(String.format(Locale.ROOT, "%s: %d seconds of the phase had an answer above %s ms. The machine over the"
            + " phase: CPUs %s busy, at most %d threads runnable at a sample; CPU by process, ms/s: %s.",
        step.label(), o.secondsWithSlowAnswers(), ms(Outcomes.SLOW_MICROS / 1_000.0), Format.percent(phase.busyShare()),
        phase.maxRunnable(), processes(phase.top(TOP_PROCESSES), null)));
    if (step.slowSeconds().isEmpty()) {
      return lines;
    }
    lines.add("");
    lines.addAll(header(List.of("second (UTC)", "requests", "above " + ms(Outcomes.SLOW_MICROS / 1_000.0) + " ms",
        "slowest ms", "CPUs busy", "most runnable", "most CPU in that second, ms/s (phase mean)")));
    for (SlowSecond slow : step.slowSeconds()) {
      MachineSampler.Window m = slow.machine();
      lines.add(row(List.of(SECOND.format(slow.start()), Long.toString(slow.second().requests()),
          Long.toString(slow.second().slow()), ms(slow.second().maxMillis()),
          m == null ? "-" : Format.percent(m.busyShare()), m == null ? "-" : Long.toString(m.maxRunnable()),
          m == null ? "-" : processes(m.top(TOP_PROCESSES), phase))));
    }
    return lines;
  }

  private static String processes(List<Map.Entry<String, Double>> top, MachineSampler.Window phase) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Double> entry : top) {
      String part = entry.getKey() + " " + Format.one(entry.getValue());
      if (phase != null) {
        part += " (" + Format.one(phase.millisPerSecond().getOrDefault(entry.getKey(), 0.0)) + ")";
      }
      parts.add(part);
    }
    return String.join(", ", parts);
  }

  /** One progress line while the run goes. */
  public static String stepLine(Service service, StepResult step) {
    Outcomes o = step.outcomes();
    return String.format(Locale.ROOT, "%s %s: p50 %s, p99 %s, p99.9 %s, max %s ms; %.1f/s achieved; %s; "
            + "degraded %s; CPU/request service %s µs, generator %s µs; generator lag p50 %s, p99 %s ms",
        service.label(), step.label(), ms(o.millisAt(50)), ms(o.millisAt(99)), ms(o.millisAt(99.9)),
        ms(o.maxMillis()), o.achievedPerSecond(), Format.kinds(o.kinds()), Format.percent(o.degradedShare()),
        us(step.serviceMicrosPerRequest()), us(step.generatorMicrosPerRequest()), ms(step.lag().p50Millis()),
        ms(step.lag().p99Millis()));
  }
}
