package org.ridemarket.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs the project's apps as child processes pointed at the stack through the environment, with their
 * output prefixed by their name; hands each to the {@link Supervisor}, reports when each and then all
 * are ready, and stops them before the infrastructure.
 */
final class AppSupervisor implements AutoCloseable {

  /** The start of the line printed once every app started is ready; scripts can wait for it. */
  static final String APPS_READY = "ridemarket apps ready";
  // eta-service imports the Midtown road graph on its very first start; two cores are shared by five JVMs.
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

  private final PidFiles pidFiles;
  private final Map<String, String> environment;
  private final Path workDir;
  private final PrintStream out;
  private final Supervisor supervisor;
  private final List<SupervisedApp> running = new ArrayList<>();
  private volatile boolean stopping;

  AppSupervisor(PidFiles pidFiles, Map<String, String> environment, Path workDir, PrintStream out,
      Supervisor supervisor) {
    this.pidFiles = pidFiles;
    this.environment = environment;
    this.workDir = workDir;
    this.out = out;
    this.supervisor = supervisor;
  }

  /**
   * Starts each app whose jar is built (warns about the others) and has it supervised; a background thread
   * then reports each app's readiness and, once all are ready, calls {@code allReady} with the apps.
   */
  synchronized void start(List<AppSpec> apps, Consumer<List<AppSpec>> allReady) throws IOException {
    List<SupervisedApp> started = new ArrayList<>();
    for (AppSpec app : apps) {
      if (stopping) {
        return;
      }
      if (!app.built()) {
        out.println("[stack] skipping " + app.name() + ": " + app.jar() + " is not built");
        continue;
      }
      SupervisedApp child = new SupervisedApp(app, app.command(), workDir, processEnvironment(app), pidFiles, out,
          READY_TIMEOUT);
      child.start();
      running.add(child);
      started.add(child);
      supervisor.watch(child);
      out.println("[stack] started " + app.name() + " (pid " + child.handle().pid() + ")"
          + app.address().map(address -> ", waiting for " + address + AppSpec.READY_PATH).orElse(""));
    }
    Thread waiter = new Thread(() -> awaitReady(started, allReady), "apps-ready");
    waiter.setDaemon(true);
    waiter.start();
  }

  // The launcher's environment, then the stack's endpoints, then the app's own defaults (which never win).
  private Map<String, String> processEnvironment(AppSpec app) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.putAll(environment);
    app.environment().forEach(env::putIfAbsent);
    return env;
  }

  // Polls each app's readiness in start order; a crash meanwhile is the supervisor's business, so this only waits.
  private void awaitReady(List<SupervisedApp> apps, Consumer<List<AppSpec>> allReady) {
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    long started = System.nanoTime();
    try {
      for (SupervisedApp app : apps) {
        if (app.spec().address().isEmpty()) {
          continue;
        }
        if (!awaitReady(app, deadline)) {
          if (!stopping) {
            out.println("[stack] " + app.name() + " is not ready after " + READY_TIMEOUT.toMinutes()
                + " min; see its output above");
          }
          return;
        }
        out.printf("[stack] %s ready at %s (%.1f s)%n", app.name(), app.spec().address().get(),
            (System.nanoTime() - started) / 1e9);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (!stopping) {
      allReady.accept(apps.stream().map(SupervisedApp::spec).toList());
    }
  }

  private boolean awaitReady(SupervisedApp app, Instant deadline) throws InterruptedException {
    while (!stopping && Instant.now().isBefore(deadline)) {
      try {
        AppReadiness.check(AppReadiness.uri(app.spec()));
        return true;
      } catch (IOException e) {
        Thread.sleep(500);
      }
    }
    return false;
  }

  /** Stops the apps in reverse start order. */
  @Override
  public synchronized void close() {
    stopping = true;
    for (int i = running.size() - 1; i >= 0; i--) {
      running.get(i).stop();
    }
    running.clear();
  }
}
