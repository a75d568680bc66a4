package org.ridemarket.loadtest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The serving benchmark's entry point (load-tests/README.md, "Serving benchmark"):
 * {@code bench} measures every endpoint at each offered rate with the floors of the same run,
 * {@code faults} pauses PostgreSQL then Redis under a steady load, {@code swap} hot-swaps a model
 * under load, {@code cold} times a new instance's first callers with the warm-up off and on (ADR 0031).
 * Needs the stack up ({@code ./stack -- --speed 1}).
 */
public final class BenchMain {

  private BenchMain() {
  }

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("bench: " + e.getMessage());
      System.exit(2);
      return;
    }
    Instant started = Instant.now();
    String loadAtStart = Machine.loadAverage();
    String command = options.command();
    Duration timeout = options.duration("timeout", command.equals("faults") ? "60s" : "10s");
    int connections = Math.max(1, options.integer("connections", 2_000));
    String out = options.text("out", "");
    List<String> body = new ArrayList<>();
    String title;
    try (OpenLoop generator = new OpenLoop(timeout, connections)) {
      switch (command) {
        case "bench" -> {
          title = "Serving benchmark";
          body.addAll(bench(options, generator));
        }
        case "faults" -> {
          title = "Serving faults";
          body.addAll(new FaultRun(options, generator).run().markdown());
        }
        case "swap" -> {
          title = "Serving hot swap";
          body.addAll(new SwapRun(options, generator).run().markdown());
        }
        case "cold" -> {
          title = "Cold start";
          body.addAll(new ColdStartRun(options, generator).run());
        }
        default -> throw new IllegalArgumentException("unknown sub-command '" + command
            + "' (bench, faults, swap, cold)");
      }
    } catch (IllegalArgumentException e) {
      System.err.println("bench: " + e.getMessage());
      System.exit(2);
      return;
    }
    RunInfo info = new RunInfo(options.commandLine(), started, Instant.now(), loadAtStart, Machine.loadAverage(),
        Machine.description());
    List<String> lines = new ArrayList<>(command.equals("bench") ? List.of() : info.header(title));
    if (!command.equals("bench")) {
      lines.add("");
    }
    lines.addAll(command.equals("bench") ? BenchReport.withHeader(info, body) : body);
    String rule = "=".repeat(100);
    System.out.println(rule);
    lines.forEach(System.out::println);
    System.out.println(rule);
    if (!out.isEmpty()) {
      Path file = Path.of(out);
      write(file, lines);
      System.out.println("report written to " + file.toAbsolutePath());
    }
    // Lettuce's and Vert.x's threads are closed; ONNX Runtime's native pool may linger.
    System.exit(0);
  }

  private static List<String> bench(Options options, OpenLoop generator) throws InterruptedException {
    BenchSettings settings = BenchSettings.from(options);
    options.requireAllKnown();
    System.out.println("floors: Redis read, then one ONNX run");
    RedisFloor.Result redis = RedisFloor.measure(settings.redisUrl(), settings.floorSamples());
    OnnxFloor.Result onnx = OnnxFloor.measure(settings.modelsDir(), redis.cell(), redis.hash(),
        settings.onnxSamples(), settings.onnxColdSamples());
    System.out.println("  " + redis.floor());
    System.out.println("  " + onnx.warm());
    System.out.println("  " + onnx.cold());
    BenchRun run = new BenchRun(settings, generator);
    List<ServiceRun> runs = new ArrayList<>();
    for (Service service : settings.services()) {
      runs.add(run.measure(service));
    }
    return BenchReport.body(redis.floor(), onnx.warm(), onnx.cold(), runs);
  }

  private static void write(Path file, List<String> lines) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.write(file, lines);
  }
}
