package org.ridemarket.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@link LocalStackMain} in a child JVM on this test's classpath, with its output captured. */
final class LauncherProcess {

  private final Process process;
  private final List<String> output = new ArrayList<>();
  private final CountDownLatch ready = new CountDownLatch(1);
  private final Thread reader;

  private LauncherProcess(Process process) {
    this.process = process;
    this.reader = new Thread(this::read, "launcher-output");
    reader.setDaemon(true);
    reader.start();
  }

  static LauncherProcess start(List<String> args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
        "-cp", System.getProperty("java.class.path"), LocalStackMain.class.getName()));
    command.addAll(args);
    return new LauncherProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
  }

  /** Waits for the ready line; fails with the launcher's output if it does not come. */
  void awaitReady(Duration timeout) throws InterruptedException {
    if (!ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("launcher not ready within " + timeout + "; output:\n" + output());
    }
  }

  /** Waits for a line of the launcher's output; fails with the output if it does not come. */
  void awaitLine(java.util.function.Predicate<String> line, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      synchronized (this) {
        if (output.stream().anyMatch(line)) {
          return;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no such line within " + timeout + "; output:\n" + output());
      }
      Thread.sleep(50);
    }
  }

  /** Waits for the launcher to exit and for its last output line to be read; returns its exit code. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("launcher still running after " + timeout + "; output:\n" + output());
    }
    reader.join(timeout.toMillis());
    return process.exitValue();
  }

  Process process() {
    return process;
  }

  synchronized String output() {
    return String.join("\n", output);
  }

  private void read() {
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        synchronized (this) {
          output.add(line);
        }
        if (line.startsWith(LocalStackMain.READY)) {
          ready.countDown();
        }
      }
    } catch (IOException e) {
      // the launcher is gone
    }
  }
}
