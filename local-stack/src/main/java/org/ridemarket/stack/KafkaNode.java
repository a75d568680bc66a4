package org.ridemarket.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A single-node KRaft Kafka broker in a child JVM on the kafka-broker module's classpath. The
 * child watches its stdin, which only this JVM holds, and exits when this JVM is gone.
 */
final class KafkaNode implements InfraNode {

  /** Environment variable that replaces the broker JVM's options, e.g. for a load test. */
  static final String JAVA_OPTS_ENV = "KAFKA_BROKER_JAVA_OPTS";
  private static final String MAIN_CLASS = "org.ridemarket.kafkabroker.BrokerMain";
  // Small and quick to start (C1 only saves 1.5 s of start-up on two cores): a local broker
  // serves one developer or one test run.
  private static final List<String> JVM_OPTIONS = List.of(
      "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
      "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true");
  private static final Duration STOP_GRACE = Duration.ofSeconds(15);

  private final Path dataDir;
  private final int port;
  private final int controllerPort;
  private final boolean keepData;
  private final PidFiles pidFiles;
  private final Map<String, String> brokerConfig;
  private volatile Process process;

  KafkaNode(Path dataDir, int port, int controllerPort, boolean keepData, PidFiles pidFiles,
      Map<String, String> brokerConfig) {
    this.brokerConfig = brokerConfig;
    this.dataDir = dataDir;
    this.port = port;
    this.controllerPort = controllerPort;
    this.keepData = keepData;
    this.pidFiles = pidFiles;
  }

  @Override
  public String name() {
    return "kafka";
  }

  String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  @Override
  public void start(Instant deadline) throws Exception {
    if (keepData) {
      Files.createDirectories(dataDir);
    } else {
      Directories.recreate(dataDir);
    }
    launch(deadline);
  }

  /**
   * Kills the broker with SIGKILL, as a crash would, and starts it again on the same log: what a
   * client saw acknowledged must still be there. For fault tests.
   */
  void killAndRestart(Instant deadline) throws Exception {
    Process running = process;
    running.toHandle().destroyForcibly();
    running.waitFor();
    pidFiles.remove(name());
    launch(deadline);
  }

  @Override
  public ProcessHandle handle() {
    return process.toHandle();
  }

  @Override
  public CompletableFuture<String> exited() {
    return process.onExit().thenApply(exited -> "exited with code " + exited.exitValue());
  }

  @Override
  public void restart(Instant deadline) throws Exception {
    launch(deadline);
  }

  private void launch(Instant deadline) throws Exception {
    List<String> configuredOptions = JavaOptions.of(System.getenv(JAVA_OPTS_ENV));
    List<String> jvmOptions = new ArrayList<>(configuredOptions.isEmpty() ? JVM_OPTIONS : configuredOptions);
    // BrokerMain turns these into broker properties (kafka-broker's BrokerConfig.OVERRIDE_PREFIX)
    brokerConfig.forEach((name, value) -> jvmOptions.add("-Dridemarket.kafka.config." + name + "=" + value));
    List<String> command = BrokerClasspath.javaCommand(jvmOptions, MAIN_CLASS, List.of(
        "--data-dir", dataDir.toString(), "--port", Integer.toString(port),
        "--controller-port", Integer.toString(controllerPort), "--exit-on-stdin-eof"));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dataDir.toFile());
    process = ChildProcesses.start(builder, "[kafka] ", System.out);
    pidFiles.record(name(), process.toHandle());
    Readiness.await(name(), deadline, this::acceptsConnections);
    try (Admin admin = Admin.create(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000))) {
      Readiness.await(name(), deadline, () -> {
        checkAlive();
        admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
      });
    }
  }

  // Waiting for the port first keeps the admin client from logging refused connections.
  private void acceptsConnections() throws IOException {
    checkAlive();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
    }
  }

  private void checkAlive() {
    if (!process.isAlive()) {
      throw new Readiness.Dead("kafka exited with code " + process.exitValue()
          + "; see " + dataDir.resolve("broker.log"));
    }
  }

  @Override
  public void close() {
    Process running = process;
    if (running == null) {
      return;
    }
    try {
      running.getOutputStream().close();
    } catch (IOException e) {
      // a closed pipe is what we want anyway
    }
    ChildProcesses.stop(running.toHandle(), STOP_GRACE);
    pidFiles.remove(name());
  }
}
