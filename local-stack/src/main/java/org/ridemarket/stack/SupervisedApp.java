package org.ridemarket.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One app of the local run as a supervised child: its command, working directory and environment are
 * fixed once, so a restart (after a crash or on request) runs it exactly as the first start did.
 */
final class SupervisedApp implements Supervised {

  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final AppSpec app;
  private final List<String> command;
  private final Path workDir;
  private final Map<String, String> environment;
  private final PidFiles pidFiles;
  private final PrintStream out;
  private final Duration readyTimeout;
  private Process process;
  private Tether tether;

  /**
   * @param environment the complete environment of the app's process (the launcher's, the stack's, the app's own)
   * @param readyTimeout how long a restart waits for the app's readiness before it counts as failed
   */
  SupervisedApp(AppSpec app, List<String> command, Path workDir, Map<String, String> environment, PidFiles pidFiles,
      PrintStream out, Duration readyTimeout) {
    this.app = app;
    this.command = List.copyOf(command);
    this.workDir = workDir;
    this.environment = Map.copyOf(environment);
    this.pidFiles = pidFiles;
    this.out = out;
    this.readyTimeout = readyTimeout;
  }

  @Override
  public String name() {
    return app.name();
  }

  AppSpec spec() {
    return app;
  }

  /** Starts the app's process; does not wait for it to be ready. */
  synchronized void start() throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    process = ChildProcesses.start(builder, "[" + app.name() + "] ", out);
    pidFiles.record("app-" + app.name(), process.toHandle());
    tether = Tether.tie(process.pid(), "TERM");
  }

  @Override
  public synchronized ProcessHandle handle() {
    return process.toHandle();
  }

  /** Completes when the app exits in a way its restart policy restarts; a finished job's exit is only logged. */
  @Override
  public synchronized CompletableFuture<String> exited() {
    CompletableFuture<String> restartable = new CompletableFuture<>();
    process.onExit().thenAccept(exited -> {
      int code = exited.exitValue();
      if (code == 0 && app.restart() == AppSpec.Restart.ON_FAILURE) {
        out.println("[stack] " + app.name() + " finished (exit code 0); not restarted");
      } else {
        restartable.complete("exited with code " + code);
      }
    });
    return restartable;
  }

  /** Starts the app again with the same command and environment; returns once it is ready (or, without an address, started). */
  @Override
  public void restart() throws Exception {
    ProcessHandle started;
    synchronized (this) {
      start();
      started = process.toHandle();
    }
    if (app.address().isPresent()) {
      AppReadiness.await(app, started, Instant.now().plus(readyTimeout));
    }
  }

  @Override
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    if (tether != null) {
      tether.close();
      tether = null;
    }
    ChildProcesses.stop(process.toHandle(), STOP_GRACE);
    pidFiles.remove("app-" + app.name());
  }
}
