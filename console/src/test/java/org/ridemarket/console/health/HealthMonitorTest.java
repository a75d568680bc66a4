package org.ridemarket.console.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ridemarket.console.config.ConsoleConfig;

class HealthMonitorTest {

  private static final List<String> APPS = List.of("pricing", "eta", "fraud", "features");
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final Map<String, HttpServer> servers = new LinkedHashMap<>();

  @BeforeEach
  void startApps() throws IOException {
    // a loopback server per app, each recording "app path" per call
    for (String app : APPS) {
      servers.put(app, app(app));
    }
  }

  private HttpServer app(String app) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      calls.add(app + " " + path);
      byte[] body = path.endsWith("/q/metrics")
          ? "serving_model_info{id=\"surge:1\",model=\"surge\"} 1.0\njvm_threads_live_threads 40.0\n"
              .getBytes(StandardCharsets.UTF_8)
          : "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    return server;
  }

  @AfterEach
  void stop() {
    servers.values().forEach(server -> server.stop(0));
  }

  @Test
  void shouldSampleEveryAppsReadinessAndTheMetricsItShows() {
    // given a monitor of four apps
    HealthMonitor monitor = new HealthMonitor(config(Duration.ofSeconds(5)));

    // when it samples twice
    monitor.sample();
    monitor.sample();

    // then every app was asked for its readiness and its metrics each time, and the model in service was read
    for (String app : APPS) {
      assertThat(calls).filteredOn(call -> call.startsWith(app + " "))
          .containsExactlyInAnyOrder(app + " /q/health/ready", app + " /q/metrics", app + " /q/health/ready",
              app + " /q/metrics");
    }
    Map<String, List<ServiceSample>> history = monitor.history();
    assertThat(history.get("pricing-service")).hasSize(2).allSatisfy(sample -> {
      assertThat(sample.ready()).isTrue();
      assertThat(sample.models()).containsExactly(Map.entry("surge", "surge:1"));
    });
  }

  private ConsoleConfig config(Duration interval) {
    Map<String, Object> values = Map.of("pricingUrl", url("pricing"), "etaUrl", url("eta"), "fraudUrl", url("fraud"),
        "featuresUrl", url("features"), "pollInterval", interval, "historySize", 10,
        "callTimeout", Duration.ofSeconds(2));
    return (ConsoleConfig) Proxy.newProxyInstance(ConsoleConfig.class.getClassLoader(),
        new Class<?>[] {ConsoleConfig.class}, (proxy, method, args) -> {
          if (!values.containsKey(method.getName())) {
            throw new UnsupportedOperationException(method.getName());
          }
          return values.get(method.getName());
        });
  }

  private String url(String app) {
    return "http://127.0.0.1:" + servers.get(app).getAddress().getPort();
  }
}
