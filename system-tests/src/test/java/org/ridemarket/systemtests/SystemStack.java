package org.ridemarket.systemtests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ridemarket.stack.Directories;
import org.ridemarket.stack.LocalStack;
import org.ridemarket.stack.StackSettings;

/**
 * One real stack for every system test of this JVM: Kafka, Redis and PostgreSQL from the local stack, and
 * the packaged apps each test class asks for, started once, on first use, and stopped when the JVM ends.
 * Starting the infrastructure and a Quarkus app costs tens of seconds on two cores; the test classes share
 * them instead, each in cells and ids of its own.
 */
final class SystemStack {

  /** feature-streams' static group member id, under which a killed and restarted instance rejoins its groups. */
  static final String FEATURES_INSTANCE_ID = "feature-streams-0";

  private static SystemStack instance;

  private final Path stateDir;
  private final LocalStack stack;
  private final Map<String, String> environment;
  private final Map<String, AppProcess> apps = new HashMap<>();
  private final Map<String, String> modules = new HashMap<>();
  private final Map<String, Map<String, String>> appEnvironments = new HashMap<>();
  private final List<AppProcess> startOrder = new ArrayList<>();

  private SystemStack() throws Exception {
    stateDir = Files.createTempDirectory("ridemarket-system-");
    stack = LocalStack.start(StackSettings.randomPorts(stateDir.resolve("stack")));
    environment = new HashMap<>(stack.endpoints().asEnvironment());
    environment.put("FEATURES_STATE_DIR", stateDir.resolve("feature-streams").toString());
    environment.put("FEATURES_INSTANCE_ID", FEATURES_INSTANCE_ID);
    environment.put("MODELS_DIR", AppProcess.repositoryRoot().resolve("models/artifacts").toString());
    // A cold service's first PostgreSQL commit can take longer than the production budget on a loaded
    // 2-core machine; these tests are about the system's paths, not deadlines (those are the services' own tests).
    environment.put("SERVING_DEADLINES_QUOTE", "PT5S");
    environment.put("SERVING_DEADLINES_SCORE", "PT5S");
    Runtime.getRuntime().addShutdownHook(new Thread(this::close, "system-stack-stop"));
  }

  /** The shared stack, started by the first caller. */
  static synchronized SystemStack get() throws Exception {
    if (instance == null) {
      instance = new SystemStack();
    }
    return instance;
  }

  LocalStack stack() {
    return stack;
  }

  /** The stack's environment contract plus the settings every app of these tests gets. */
  Map<String, String> environment() {
    return Map.copyOf(environment);
  }

  /**
   * The app {@code name} (a module, or a second instance of one), started from {@code module}'s packaged jar
   * with {@code extra} environment on the first call; {@link #awaitReady} waits for it, so that several
   * apps start side by side.
   */
  synchronized AppProcess app(String module, String name, Map<String, String> extra) throws Exception {
    AppProcess app = apps.get(name);
    if (app == null) {
      Map<String, String> env = new HashMap<>(environment);
      env.putAll(extra);
      app = AppProcess.start(module, name, env);
      apps.put(name, app);
      modules.put(name, module);
      appEnvironments.put(name, Map.copyOf(env));
      startOrder.add(app);
    }
    return app;
  }

  /**
   * Kills the app {@code name} with SIGKILL and starts it again from its module's jar with the environment it
   * had (its log continues); returns the new process, which {@link #awaitReady} waits for.
   */
  synchronized AppProcess killAndRestart(String name) throws Exception {
    AppProcess old = apps.get(name);
    if (old == null) {
      throw new IllegalArgumentException("no app named " + name + " was started");
    }
    old.kill();
    AppProcess fresh = AppProcess.start(modules.get(name), name, appEnvironments.get(name), true);
    apps.put(name, fresh);
    startOrder.set(startOrder.indexOf(old), fresh);
    return fresh;
  }

  /** Waits until every one of {@code apps} is ready. */
  static void awaitReady(AppProcess... apps) throws InterruptedException {
    for (AppProcess app : apps) {
      app.awaitHttpOk("/q/health/ready", Duration.ofSeconds(120));
    }
  }

  /** As {@link #app(String, String, Map)}, the instance named after its module. */
  AppProcess app(String module) throws Exception {
    return app(module, module, Map.of());
  }

  private synchronized void close() {
    for (int i = startOrder.size() - 1; i >= 0; i--) {
      startOrder.get(i).close();
    }
    stack.close();
    try {
      Directories.delete(stateDir);
    } catch (Exception e) {
      System.err.println("[system] could not delete " + stateDir + ": " + e);
    }
  }
}
