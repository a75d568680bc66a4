package org.ridemarket.console.health;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.ridemarket.console.config.ConsoleConfig;

/**
 * Samples every service's readiness and metrics at a fixed interval (a handful of calls, whatever the
 * size of the city) and keeps a bounded history of samples per service for the charts.
 */
@ApplicationScoped
public class HealthMonitor {

  private final ConsoleConfig config;
  private final HttpClient http;
  private final Map<String, URI> services = new LinkedHashMap<>();
  private final Map<String, Deque<ServiceSample>> history = new LinkedHashMap<>();
  private final Map<String, MetricsReading> lastReading = new LinkedHashMap<>();
  private final Map<String, Long> lastAt = new LinkedHashMap<>();

  public HealthMonitor(ConsoleConfig config) {
    this.config = config;
    this.http = HttpClient.newBuilder().connectTimeout(config.callTimeout()).build();
    services.put("pricing-service", URI.create(config.pricingUrl()));
    services.put("eta-service", URI.create(config.etaUrl()));
    services.put("fraud-service", URI.create(config.fraudUrl()));
    services.put("feature-streams", URI.create(config.featuresUrl()));
    services.keySet().forEach(name -> history.put(name, new ArrayDeque<>()));
  }

  // A worker thread of the scheduler, never an event loop; the calls run in parallel, each with a timeout.
  @Scheduled(every = "${console.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void sample() {
    Map<String, CompletableFuture<HttpResponse<String>>> ready = new LinkedHashMap<>();
    Map<String, CompletableFuture<HttpResponse<String>>> metrics = new LinkedHashMap<>();
    services.forEach((name, base) -> {
      ready.put(name, get(base.resolve("/q/health/ready")));
      metrics.put(name, get(base.resolve("/q/metrics")));
    });
    long at = System.currentTimeMillis();
    services.keySet().forEach(name -> record(name, at, ready.get(name).join(), metrics.get(name).join()));
  }

  /** Each service's samples, oldest first. */
  public synchronized Map<String, List<ServiceSample>> history() {
    Map<String, List<ServiceSample>> copy = new LinkedHashMap<>();
    history.forEach((name, samples) -> copy.put(name, List.copyOf(samples)));
    return copy;
  }

  private synchronized void record(String name, long at, HttpResponse<String> ready, HttpResponse<String> metrics) {
    Boolean isReady = ready == null ? null : ready.statusCode() == 200;
    String readiness = ready == null ? "unreachable" : isReady ? "UP" : Readiness.downChecks(ready.body());
    MetricsReading reading = metrics != null && metrics.statusCode() == 200
        ? MetricsReading.from(PrometheusText.parse(metrics.body(), MetricsReading::reads)) : null;
    ServiceSample sample = ServiceSample.of(at, isReady, readiness, reading, lastReading.get(name),
        lastAt.getOrDefault(name, 0L));
    if (reading != null) {
      lastReading.put(name, reading);
      lastAt.put(name, at);
    }
    Deque<ServiceSample> samples = history.get(name);
    samples.addLast(sample);
    while (samples.size() > config.historySize()) {
      samples.removeFirst();
    }
  }

  private CompletableFuture<HttpResponse<String>> get(URI uri) {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(config.callTimeout()).GET().build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).exceptionally(failure -> null);
  }
}
