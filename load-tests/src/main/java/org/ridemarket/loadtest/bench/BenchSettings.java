package org.ridemarket.loadtest.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What {@code bench} does (each field is an option of the same name, see load-tests/README.md).
 *
 * @param services services in order ({@code --services pricing,eta,fraud})
 * @param rates offered rates per service ({@code --rates 500,1000,2000})
 * @param duration measured phase per rate ({@code --duration 30s})
 * @param warmUp load at the same rate before each measured phase, not counted ({@code --warmup 10s})
 * @param jitWarmUp at most this long at the highest rate before a service's first step, in slices, until its JIT
 *     compiler threads are quiet ({@code --jit-warmup 180s}; 0s: none)
 * @param jitSlice one slice of the JIT warm-up ({@code --jit-slice 10s})
 * @param jitQuiet the compiler threads' CPU in a slice, ms/s, at or under which the service counts as warm
 *     ({@code --jit-quiet 5}, 0.5 % of a core; with a looser one the steps still measured a JVM compiling,
 *     docs/benchmarks/2026-12-06-console-polls.md)
 * @param settle pause after each step, so one step's stragglers and GC do not land in the next ({@code --settle 2s})
 * @param idle how long each service's idle CPU is measured before its steps ({@code --idle 5s}; 0s: none)
 * @param floorRate offered rate of the empty endpoint ({@code --floor-rate 500})
 * @param floorDuration its measured phase ({@code --floor-duration 10s})
 * @param noopPath the empty endpoint ({@code --noop-path /serving/noop-route}, the decisions' own edge; {@code /serving/noop} is the JAX-RS one)
 * @param noopFallback what is measured instead when it does not answer 2xx ({@code --noop-fallback /q/health/live})
 * @param redisUrl the stack's Redis ({@code --redis-url redis://127.0.0.1:16379})
 * @param modelsDir the artifact store ({@code --models-dir models/artifacts})
 * @param floorSamples timed Redis reads ({@code --redis-samples 5000})
 * @param onnxSamples timed ONNX runs ({@code --onnx-samples 20000})
 * @param onnxColdSamples timed ONNX runs with the caches swept before each ({@code --onnx-cold-samples 500})
 * @param seed seed of the requests ({@code --seed 42})
 * @param runId tag of fraud's transaction ids ({@code --run-id}, default the start time in base 36)
 * @param apiKey fraud's gateway key ({@code --api-key dev-gateway-key})
 * @param out where to write the markdown report, if anywhere ({@code --out docs/benchmarks/...md})
 */
public record BenchSettings(List<Service> services, List<Integer> rates, Duration duration, Duration warmUp,
    Duration jitWarmUp, Duration jitSlice, double jitQuiet, Duration settle, Duration idle, int floorRate, Duration floorDuration, String noopPath, String noopFallback,
    String redisUrl, Path modelsDir, int floorSamples, int onnxSamples, int onnxColdSamples, long seed, String runId, String apiKey,
    Optional<Path> out) {

  /** Reads the options of {@code bench}. */
  public static BenchSettings from(Options options) {
    List<Integer> rates = options.integers("rates", "500,1000,2000");
    if (rates.contains(0)) {
      throw new IllegalArgumentException("--rates: every rate must be at least 1/s");
    }
    Duration duration = options.duration("duration", "30s");
    if (duration.toSeconds() < 1) {
      throw new IllegalArgumentException("--duration: at least 1s");
    }
    String out = options.text("out", "");
    Duration jitSlice = options.duration("jit-slice", "10s");
    if (jitSlice.toSeconds() < 1) {
      throw new IllegalArgumentException("--jit-slice: at least 1s");
    }
    return new BenchSettings(services(options), rates, duration, options.duration("warmup", "10s"),
        options.duration("jit-warmup", "180s"), jitSlice, Double.parseDouble(options.text("jit-quiet", "5")),
        options.duration("settle", "2s"), options.duration("idle", "5s"), Math.max(1, options.integer("floor-rate", 500)),
        options.duration("floor-duration", "10s"), options.text("noop-path", "/serving/noop-route"),
        options.text("noop-fallback", "/q/health/live"), options.text("redis-url", "redis://127.0.0.1:16379"),
        Path.of(options.text("models-dir", "models/artifacts")), options.integer("redis-samples", 5_000),
        options.integer("onnx-samples", 20_000), Math.max(1, options.integer("onnx-cold-samples", 500)),
        Long.parseLong(options.text("seed", "42")), runId(options),
        options.text("api-key", "dev-gateway-key"), out.isEmpty() ? Optional.empty() : Optional.of(Path.of(out)));
  }

  /** {@code --services}, default all three. */
  static List<Service> services(Options options) {
    return options.list("services", "pricing,eta,fraud").stream().map(Service::named).toList();
  }

  /** {@code --run-id}: tags fraud's transaction ids so a second run makes new decisions, not replays. */
  static String runId(Options options) {
    return options.text("run-id", Long.toString(System.currentTimeMillis(), 36));
  }
}
