package org.ridemarket.stack;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The local run's trace UI (`./stack --traces`): Zipkin's runnable server jar from the local Maven
 * repository, in a child JVM of its own like the broker, keeping spans in memory on a loopback port.
 * A tether stops it if this JVM dies without stopping it.
 */
final class ZipkinNode implements InfraNode {

  static final String RESOURCE = "META-INF/ridemarket/zipkin-server.classpath";
  // Small and quick to start, like the broker: it holds one developer's traces, in memory.
  private static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
      "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true");
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final Path dir;
  private final int port;
  private final PidFiles pidFiles;
  private volatile Process process;
  private volatile Tether tether;

  ZipkinNode(Path dir, int port, PidFiles pidFiles) {
    this.dir = dir;
    this.port = port;
    this.pidFiles = pidFiles;
  }

  @Override
  public String name() {
    return "zipkin";
  }

  /** The UI's address. */
  String uiUrl() {
    return "http://127.0.0.1:" + port + "/zipkin/";
  }

  /** Where the apps send spans (Zipkin's v2 JSON API; Zipkin 3.5 has no OTLP receiver). */
  String spansEndpoint() {
    return "http://127.0.0.1:" + port + "/api/v2/spans";
  }

  /** What the apps need to trace every request into this Zipkin; a variable set where the stack runs wins. */
  Map<String, String> appEnvironment() {
    return Map.of("QUARKUS_OTEL_SDK_DISABLED", "false",
        "QUARKUS_OTEL_TRACES_SAMPLER_ARG", "1.0",
        "RIDEMARKET_TRACES_EXPORTER", "zipkin",
        "RIDEMARKET_TRACES_ZIPKIN_ENDPOINT", spansEndpoint(),
        // One simulated event in a hundred starts a trace, which feature-streams continues.
        "SIMULATOR_TRACE_RATIO", "0.01");
  }

  @Override
  public void start(Instant deadline) throws Exception {
    if (!StackSettings.isFree(port)) {
      throw new IllegalStateException("cannot start zipkin: port " + port + " is already in use on 127.0.0.1");
    }
    Directories.recreate(dir);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    command.addAll(List.of("-jar", serverJar().toString(),
        "--armeria.ports[0].ip=127.0.0.1", "--armeria.ports[0].port=" + port));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().put("QUERY_PORT", Integer.toString(port));
    builder.environment().put("STORAGE_TYPE", "mem");
    process = ChildProcesses.start(builder, "[zipkin] ", System.out);
    pidFiles.record(name(), process.toHandle());
    tether = Tether.tie(process.pid(), "TERM");
    Readiness.await(name(), deadline, this::healthy);
  }

  // Spans live in memory: a restarted Zipkin starts empty, as the first one did.
  @Override
  public void restart(Instant deadline) throws Exception {
    start(deadline);
  }

  @Override
  public ProcessHandle handle() {
    return process.toHandle();
  }

  @Override
  public java.util.concurrent.CompletableFuture<String> exited() {
    return process.onExit().thenApply(exited -> "exited with code " + exited.exitValue());
  }

  private void healthy() throws IOException {
    if (!process.isAlive()) {
      throw new Readiness.Dead("zipkin exited with code " + process.exitValue());
    }
    HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/health").toURL()
        .openConnection();
    connection.setConnectTimeout(500);
    connection.setReadTimeout(1000);
    try {
      if (connection.getResponseCode() != 200) {
        throw new IOException("zipkin /health answered " + connection.getResponseCode());
      }
    } finally {
      connection.disconnect();
    }
  }

  // The exec jar's path in the local Maven repository, written by this module's build (like the broker's).
  static Path serverJar() throws IOException {
    URL url = ZipkinNode.class.getClassLoader().getResource(RESOURCE);
    if (url == null) {
      throw new IllegalStateException(RESOURCE + " is not on the classpath: build local-stack with Maven");
    }
    String text;
    try (InputStream in = url.openStream()) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    }
    Path jar = Path.of(text);
    if (text.isEmpty() || !Files.isRegularFile(jar)) {
      throw new IllegalStateException("the Zipkin server jar (" + text + ") is not in the local Maven repository;"
          + " run mvn -B -pl local-stack package");
    }
    return jar;
  }

  @Override
  public void close() {
    Process running = process;
    if (running == null) {
      return;
    }
    if (tether != null) {
      tether.close();
      tether = null;
    }
    ChildProcesses.stop(running.toHandle(), STOP_GRACE);
    pidFiles.remove(name());
  }
}
