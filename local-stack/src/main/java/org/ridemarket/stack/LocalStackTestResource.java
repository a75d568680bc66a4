package org.ridemarket.stack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Quarkus test resource that points the app under test at a real local stack on random ports in
 * a temporary directory. One stack serves every test of the JVM that starts it: it is stopped
 * when the last user stops it, or at JVM exit.
 */
public class LocalStackTestResource implements QuarkusTestResourceLifecycleManager {

  /** Config property with the stack's state directory, where the servers' logs are. */
  public static final String STATE_DIR_PROPERTY = "ridemarket.stack.state-dir";

  private static final Object LOCK = new Object();
  private static LocalStack shared;
  private static int users;
  private static boolean hookRegistered;

  @Override
  public Map<String, String> start() {
    synchronized (LOCK) {
      if (shared == null) {
        shared = LocalStack.start(StackSettings.randomPorts(newStateDir()));
        registerHookOnce();
      }
      users++;
      return properties(shared);
    }
  }

  @Override
  public void stop() {
    synchronized (LOCK) {
      if (users > 0 && --users == 0) {
        stopShared();
      }
    }
  }

  /** The stack this JVM's tests share, for fault tests (pause a server, kill the broker). */
  public static LocalStack shared() {
    synchronized (LOCK) {
      if (shared == null) {
        throw new IllegalStateException("no local stack is running in this JVM");
      }
      return shared;
    }
  }

  /** The config properties a Quarkus app needs to use this stack. */
  static Map<String, String> properties(LocalStack stack) {
    StackEndpoints endpoints = stack.endpoints();
    return Map.of(
        "kafka.bootstrap.servers", endpoints.kafkaBootstrapServers(),
        "redis.url", endpoints.redisUrl(),
        "quarkus.datasource.reactive.url", endpoints.postgresUrl(),
        "quarkus.datasource.jdbc.url", endpoints.jdbcUrl(),
        "quarkus.datasource.username", endpoints.postgresUser(),
        "quarkus.datasource.password", endpoints.postgresPassword(),
        STATE_DIR_PROPERTY, stack.settings().stateDir().toString());
  }

  private static Path newStateDir() {
    try {
      return Files.createTempDirectory("ridemarket-stack-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a state directory for the test stack", e);
    }
  }

  private static void registerHookOnce() {
    if (!hookRegistered) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        synchronized (LOCK) {
          stopShared();
        }
      }, "local-stack-test-resource-stop"));
      hookRegistered = true;
    }
  }

  private static void stopShared() {
    if (shared == null) {
      return;
    }
    Path stateDir = shared.settings().stateDir();
    shared.close();
    shared = null;
    users = 0;
    try {
      Directories.delete(stateDir);
    } catch (IOException e) {
      // a temp directory left behind is harmless; the servers are stopped
    }
  }
}
