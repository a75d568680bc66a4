package org.ridemarket.pricing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A quick latency sample of POST /quotes against a running service: writes busy feature hashes for
 * a few cells into Redis, then sends quotes at a fixed offered rate (open loop: a slow answer does
 * not slow the sender) and prints client-side percentiles and the service's own timers. Not the
 * project's load test, which belongs in load-tests/.
 *
 * <p>Arguments: base URL (http://127.0.0.1:8081), Redis URL, requests per second, seconds.
 */
public final class QuoteLatencySample {

  private QuoteLatencySample() {
  }

  public static void main(String[] args) throws Exception {
    String base = args.length > 0 ? args[0] : "http://127.0.0.1:8081";
    String redisUrl = args.length > 1 ? args[1] : "redis://127.0.0.1:16379";
    int rate = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
    double[][] pickups = new double[20][];
    try (FeatureHashes hashes = new FeatureHashes(redisUrl)) {
      for (int i = 0; i < pickups.length; i++) {
        pickups[i] = new double[] {40.74 + 0.01 * (i % 5), -74.00 + 0.01 * (i / 5)};
        // Half the cells busy (model run), half calm (no hash).
        if (i % 2 == 0) {
          hashes.busy(FeatureHashes.cellOf(pickups[i][0], pickups[i][1]));
        } else {
          hashes.delete(FeatureHashes.cellOf(pickups[i][0], pickups[i][1]));
        }
      }
    }
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2)).build();
    System.out.println("warm-up: " + run(client, base, pickups, rate, Math.max(5, seconds / 3)));
    System.out.println("measured: " + run(client, base, pickups, rate, seconds));
    System.out.println("service timers (p50 / p99 / p99.9 over the last minutes, seconds):");
    for (String line : metrics(client, base).split("\n")) {
      if (line.matches("pricing_(quote_latency|features_read|model_inference)_seconds\\{.*quantile.*")) {
        System.out.println("  " + line);
      }
    }
  }

  private static String run(HttpClient client, String base, double[][] pickups, int rate, int seconds)
      throws InterruptedException {
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    AtomicInteger errors = new AtomicInteger();
    List<CompletableFuture<?>> inFlight = new ArrayList<>();
    long interval = 1_000_000_000L / rate;
    long start = System.nanoTime();
    int total = rate * seconds;
    for (int i = 0; i < total; i++) {
      long due = start + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      double[] pickup = pickups[i % pickups.length];
      HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/quotes"))
          .header("content-type", "application/json").timeout(Duration.ofSeconds(5))
          .POST(HttpRequest.BodyPublishers.ofString(QuoteApi.body("rider-" + i, pickup[0], pickup[1],
              pickup[0] + 0.02, pickup[1] + 0.01, "STANDARD"))).build();
      // Latency from when the request was due, so that a stalled sender counts against the service too.
      inFlight.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
        if (failure != null || response.statusCode() != 201) {
          errors.incrementAndGet();
        } else {
          latencies.add(System.nanoTime() - due);
        }
      }));
    }
    CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).exceptionally(failure -> null).join();
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    return String.format(Locale.ROOT, "%d req/s for %d s: %d ok, %d errors; p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms",
        rate, seconds, sorted.length, errors.get(), ms(sorted, 0.50), ms(sorted, 0.99), ms(sorted, 0.999),
        sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
  }

  private static double ms(long[] sorted, double quantile) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
  }

  private static String metrics(HttpClient client, String base) throws InterruptedException {
    try {
      return client.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      return "";
    }
  }
}
