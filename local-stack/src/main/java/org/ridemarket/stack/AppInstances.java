package org.ridemarket.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Another instance of one of the local run's apps, started as the stack starts its own: the same jar, JVM
 * options, arguments and environment defaults (the dev keys). For tools that measure a fresh instance beside
 * the running stack (load-tests' {@code bench cold}); it talks to the stack's Kafka, Redis and PostgreSQL at
 * their fixed local ports.
 */
public final class AppInstances {

  private AppInstances() {
  }

  /**
   * A process for {@code app} (for example {@code pricing-service}) of the checkout at {@code repoDir}, run from
   * {@code repoDir}, with {@code extraJvmOptions} after the stack's own (so they win: {@code -Dquarkus.http.port}).
   *
   * @throws IllegalArgumentException for an app the stack does not run
   */
  public static ProcessBuilder beside(Path repoDir, String app, List<String> extraJvmOptions) {
    Path unused = repoDir.resolve("target");
    AppSpec spec = AppSpec.of(repoDir, unused, unused, List.of()).stream()
        .filter(candidate -> candidate.name().equals(app)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("the stack runs no app " + app));
    List<String> command = new ArrayList<>(spec.command());
    command.addAll(command.indexOf("-jar"), extraJvmOptions);
    ProcessBuilder builder = new ProcessBuilder(command).directory(repoDir.toFile());
    spec.environment().forEach(builder.environment()::putIfAbsent);
    return builder;
  }
}
