package org.ridemarket.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Starts and stops the stack's child processes the same way for every server and app. */
final class ChildProcesses {

  // Its own session keeps a terminal's Ctrl-C away from the children, so the launcher's
  // shutdown hook stops them in order (apps first, then infrastructure) instead of all at once.
  private static final Optional<Path> SETSID = Optional.of(Path.of("/usr/bin/setsid"))
      .filter(Files::isExecutable)
      .or(() -> Optional.of(Path.of("/bin/setsid")).filter(Files::isExecutable));

  private ChildProcesses() {
  }

  /** Starts the command in its own session; its output goes to {@code out}, each line prefixed. */
  static Process start(ProcessBuilder builder, String prefix, PrintStream out) throws IOException {
    List<String> command = new ArrayList<>(builder.command());
    SETSID.ifPresent(setsid -> command.add(0, setsid.toString()));
    Process process = builder.command(command).redirectErrorStream(true).start();
    Thread pump = new Thread(() -> pump(process, prefix, out), "output-" + prefix.trim());
    pump.setDaemon(true);
    pump.start();
    return process;
  }

  /** Asks the process to stop (SIGTERM), then kills it if it is still there after the grace time. */
  static void stop(ProcessHandle process, Duration grace) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      process.onExit().orTimeout(5, TimeUnit.SECONDS).exceptionally(failure -> null).join();
    }
  }

  private static void pump(Process process, String prefix, PrintStream out) {
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        out.println(prefix + line);
      }
    } catch (IOException e) {
      // the process is gone; so is its output
    }
  }
}
