package org.ridemarket.routing;

import static org.ridemarket.routing.MidtownPlaces.randomPoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Measures graph import and load time and single-route latency on the Midtown extract, over random
 * trips in the simulator's city box; a main, not a test, so that no build depends on the timing.
 * Run with {@code mvn -B -q -pl contracts,routing -Pbenchmark verify -DskipTests}; options are
 * {@code -Dbenchmark.routes=10000 -Dbenchmark.warmup=5000 -Dbenchmark.seed=1}.
 */
public final class RoutingBenchmark {

  private static final Instant DEPARTURE = Instant.parse("2026-11-02T22:00:00Z");

  private RoutingBenchmark() {
  }

  /** Runs the benchmark and prints the numbers. */
  public static void main(String[] args) throws IOException {
    int routes = Integer.getInteger("benchmark.routes", 10_000);
    int warmup = Integer.getInteger("benchmark.warmup", 5_000);
    long seed = Long.getLong("benchmark.seed", 1);
    Path extract = OsmExtracts.midtown()
        .orElseThrow(() -> new IllegalStateException("no Midtown extract; set -D" + OsmExtracts.FILE_PROPERTY));
    Path cacheRoot = Path.of("target", "graph-cache-benchmark");
    deleteRecursively(cacheRoot);

    try (GraphHopperRouter imported = GraphHopperRouter.open(extract, cacheRoot)) {
      System.out.printf(Locale.ROOT, "extract %s (%,d bytes)%n", extract, Files.size(extract));
      System.out.printf(Locale.ROOT, "graph import (first start, %s): %,d ms%n",
          imported.source(), imported.loadTime().toMillis());
    }
    try (GraphHopperRouter router = GraphHopperRouter.open(extract, cacheRoot)) {
      System.out.printf(Locale.ROOT, "graph load (later start, %s): %,d ms%n",
          router.source(), router.loadTime().toMillis());
      SplittableRandom random = new SplittableRandom(seed);
      run(router, random, warmup, false);
      run(router, random, routes, true);
      MapFreeRouter mapFree = new MapFreeRouter();
      run(mapFree, random, warmup, false);
      run(mapFree, random, routes, true);
    }
  }

  private static void run(Router router, SplittableRandom random, int count, boolean report) {
    long[] nanos = new long[count];
    int routed = 0;
    double roadOverCrow = 0;
    double metresPerSecond = 0;
    double cells = 0;
    Map<NoRouteException.Reason, Integer> failures = new EnumMap<>(NoRouteException.Reason.class);
    for (int i = 0; i < count; i++) {
      GeoPoint origin = randomPoint(random);
      GeoPoint destination = randomPoint(random);
      long start = System.nanoTime();
      try {
        Route route = router.route(origin, destination, DEPARTURE);
        nanos[i] = System.nanoTime() - start;
        double crow = GreatCircle.metres(origin, destination);
        if (crow >= 500) {
          routed++;
          roadOverCrow += route.distanceMetres() / crow;
          metresPerSecond += route.distanceMetres() / route.durationSeconds();
          cells += route.cells().size();
        }
      } catch (NoRouteException e) {
        nanos[i] = System.nanoTime() - start;
        failures.merge(e.reason(), 1, Integer::sum);
      }
    }
    if (!report) {
      return;
    }
    Arrays.sort(nanos);
    System.out.printf(Locale.ROOT, "%s, %,d random trips in the city box: p50 %.0f us, p90 %.0f us, p99 %.0f us, "
            + "p99.9 %.0f us, max %.0f us; no route %s%n",
        router.getClass().getSimpleName(), count, micros(nanos, 0.50), micros(nanos, 0.90), micros(nanos, 0.99),
        micros(nanos, 0.999), nanos[count - 1] / 1e3, failures);
    System.out.printf(Locale.ROOT, "  trips of 500 m or more as the crow flies (%,d): road/crow %.2f, "
            + "mean speed %.1f m/s, %.1f cells per route%n",
        routed, roadOverCrow / routed, metresPerSecond / routed, cells / routed);
  }

  private static double micros(long[] sorted, double quantile) {
    int rank = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, rank)] / 1e3;
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
