package org.ridemarket.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One of the project's packaged Quarkus apps ({@code <module>/target/quarkus-app/quarkus-run.jar})
 * running as its own JVM on a free loopback port, its output in {@code target/<name>.log}.
 */
final class AppProcess implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final Process process;
  private final int port;
  private final Path log;

  private AppProcess(String name, Process process, int port, Path log) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts {@code module}'s packaged app with {@code environment} added to this JVM's. */
  static AppProcess start(String module, Map<String, String> environment) throws IOException {
    return start(module, module, environment);
  }

  /** Starts {@code module}'s packaged app as instance {@code name} (its log: target/{@code name}.log). */
  static AppProcess start(String module, String name, Map<String, String> environment) throws IOException {
    return start(module, name, environment, false);
  }

  /** As {@link #start(String, String, Map)}; {@code appendLog} keeps what an earlier instance wrote to the log. */
  static AppProcess start(String module, String name, Map<String, String> environment, boolean appendLog)
      throws IOException {
    Path jar = repositoryRoot().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is not built; run the build from the repository root");
    }
    int port = freePort();
    Path log = Path.of("target", name + ".log").toAbsolutePath();
    Files.createDirectories(log.getParent());
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-jar", jar.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).directory(repositoryRoot().toFile())
        .redirectErrorStream(true)
        .redirectOutput(appendLog ? Redirect.appendTo(log.toFile()) : Redirect.to(log.toFile()));
    builder.environment().putAll(environment);
    builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
    builder.environment().put("HTTP_HOST", "127.0.0.1");
    Process process = builder.start();
    return new AppProcess(name, process, port, log);
  }

  /** The repository root: the parent of this module's directory. */
  static Path repositoryRoot() {
    return Path.of("").toAbsolutePath().getParent();
  }

  /** Base URL of the app, e.g. {@code http://127.0.0.1:41234}. */
  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Waits until {@code path} answers 200, failing with the log's tail if the app dies or the deadline passes. */
  void awaitHttpOk(String path, Duration deadline) throws InterruptedException {
    long end = System.nanoTime() + deadline.toNanos();
    String last = "no answer";
    while (System.nanoTime() < end) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + "; log:\n" + tail());
      }
      try {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(baseUrl().resolve(path))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
        last = response.statusCode() + " " + response.body();
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(name + " " + path + " not OK after " + deadline + " (last: " + last + "); log:\n"
        + tail());
  }

  /** The app's output so far. */
  Path logFile() {
    return log;
  }

  String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** Kills the app with SIGKILL, as a crash would end it, and waits until it is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException(name + " still runs 30 s after SIGKILL");
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
