package org.ridemarket.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged simulator ({@code simulator/target/simulator.jar}) feeding the stack's Kafka in its own JVM for a
 * bounded stretch of simulated time: a small city (150 drivers, 3,000 riders, twice the default demand, built-in
 * hotspots) that makes requests, pings, trips and a few payments within minutes; its output in
 * {@code target/simulator-<seed>.log}.
 */
final class SimulatorRun implements AutoCloseable {

  private final Process process;
  private final Path log;

  private SimulatorRun(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Starts a run of {@code duration} simulated time from {@code start} at {@code speed} simulated seconds a second. */
  static SimulatorRun start(String bootstrapServers, int seed, Instant start, Duration duration, int speed)
      throws IOException {
    Path jar = AppProcess.repositoryRoot().resolve("simulator/target/simulator.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is not built; run the build from the repository root");
    }
    Path log = Path.of("target", "simulator-" + seed + ".log").toAbsolutePath();
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-jar", jar.toString(), "--kafka", bootstrapServers, "--seed", Integer.toString(seed),
        "--start", start.toString(), "--duration", duration.toString(), "--speed", Integer.toString(speed),
        "--drivers", "150", "--riders", "3000", "--demand-scale", "2", "--no-uber", "--progress", "5s");
    Process process = new ProcessBuilder(command).directory(AppProcess.repositoryRoot().toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new SimulatorRun(process, log);
  }

  /** Waits for the run to end by itself and fails, with its output, unless it ended well. */
  void awaitSuccess(Duration timeout) throws InterruptedException, IOException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("the simulator still runs after " + timeout + "; output:\n" + output());
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException("the simulator exited with " + process.exitValue() + "; output:\n" + output());
    }
  }

  /** What the run printed so far. */
  String output() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
