package org.ridemarket.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the project's apps as child processes pointed at the stack through the environment,
 * with their output prefixed by their name, and stops them before the infrastructure.
 */
final class AppSupervisor implements AutoCloseable {

  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private record Running(AppSpec app, Process process, Tether tether) {
  }

  private final PidFiles pidFiles;
  private final Map<String, String> environment;
  private final Path workDir;
  private final PrintStream out;
  private final List<Running> running = new ArrayList<>();
  private volatile boolean stopping;

  AppSupervisor(PidFiles pidFiles, Map<String, String> environment, Path workDir, PrintStream out) {
    this.pidFiles = pidFiles;
    this.environment = environment;
    this.workDir = workDir;
    this.out = out;
  }

  /** Starts each app whose jar is built; warns about the others. */
  synchronized void start(List<AppSpec> apps) throws IOException {
    for (AppSpec app : apps) {
      if (stopping) {
        return;
      }
      if (!app.built()) {
        out.println("[stack] skipping " + app.name() + ": " + app.jar() + " is not built");
        continue;
      }
      ProcessBuilder builder = new ProcessBuilder(app.command()).directory(workDir.toFile());
      builder.environment().putAll(environment);
      app.environment().forEach(builder.environment()::putIfAbsent);
      Process process = ChildProcesses.start(builder, "[" + app.name() + "] ", out);
      pidFiles.record("app-" + app.name(), process.toHandle());
      running.add(new Running(app, process, Tether.tie(process.pid(), "TERM")));
      out.println("[stack] started " + app.name() + " (pid " + process.pid() + ")");
      process.onExit().thenAccept(exited -> {
        if (!stopping) {
          out.println("[stack] " + app.name() + " exited with code " + exited.exitValue());
        }
      });
    }
  }

  /** Stops the apps in reverse start order. */
  @Override
  public synchronized void close() {
    stopping = true;
    for (int i = running.size() - 1; i >= 0; i--) {
      Running app = running.get(i);
      app.tether().close();
      ChildProcesses.stop(app.process().toHandle(), STOP_GRACE);
      pidFiles.remove("app-" + app.app().name());
    }
    running.clear();
  }
}
