package org.ridemarket.loadtest.bench;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Warms a service's JIT before anything of it is measured. A JVM whose C2 compiler is still at work reads
 * twice the CPU per request of a warm one, and on this 2-core machine a freshly started service answers
 * seconds late for its first minute (a 30-60 s warm-up per step was not enough), so the service takes its
 * own requests, slice after slice, until its compiler threads are quiet or the limit is reached.
 *
 * @param generator the load generator
 * @param bodies the request bodies
 * @param limit at most this long ({@code 0s}: no warm-up)
 * @param slice one slice
 * @param quiet the compiler threads' CPU in a slice, ms/s, at or under which the service counts as warm
 * @param apiKey fraud's gateway key
 */
record JitWarmUp(OpenLoop generator, RequestBodies bodies, Duration limit, Duration slice, double quiet,
    String apiKey) {

  /**
   * Warms {@code service} (process {@code pid}) at {@code rate}, its bodies from streams {@code firstStream}
   * on (one per slice).
   *
   * @return what it did, for the report
   */
  Result warm(Service service, long pid, int rate, long firstStream) throws InterruptedException {
    if (limit.isZero()) {
      return new Result("No JIT warm-up (--jit-warmup 0s)", 0);
    }
    Timeline timeline = new Timeline().then("slice", slice);
    long deadline = System.nanoTime() + limit.toNanos();
    int slices = 0;
    double compiler;
    do {
      Buffer[] built = bodies.build(service, firstStream + slices, timeline.requestsAt(rate));
      Map<String, String> headers = service == Service.FRAUD ? Map.of("X-Api-Key", apiKey) : Map.of();
      CpuWindow cpu = CpuWindow.on(pid).start();
      generator.run(List.of(new Load(service.label() + "-jit-warm-up", service.port(), HttpMethod.POST,
          service.path(), headers, built, rate, timeline.requestsAt(rate), new PhasedOutcomes(timeline))), List.of());
      compiler = cpu.stop().compilerMillisPerSecond();
      slices++;
      System.out.printf("%s JIT warm-up slice %d at %d/s: compiler threads %.1f ms/s%n", service.label(), slices,
          rate, compiler);
    } while (compiler > quiet && System.nanoTime() < deadline);
    return new Result(String.format(Locale.ROOT, "JIT warm-up: %d slices of %d s at %d/s, the compiler threads at "
        + "%.1f ms/s in the last (%s %.0f)", slices, slice.toSeconds(), rate, compiler,
        compiler <= quiet ? "quiet: at most" : "still above", quiet), slices);
  }

  /** What a warm-up did, and how many body streams it used. */
  record Result(String description, int streams) {
  }
}
