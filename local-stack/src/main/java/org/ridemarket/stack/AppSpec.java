package org.ridemarket.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One of the project's apps that the local run starts after the infrastructure: a runnable jar, with
 * environment variables of its own (defaults: a variable already set where the stack runs wins), the
 * address it serves HTTP on if any (its readiness is {@code address + /q/health/ready}), and when the
 * launcher restarts it after it exited.
 */
record AppSpec(String name, Path jar, List<String> jvmOptions, List<String> args, Map<String, String> environment,
    Optional<String> address, Restart restart) {

  /** When the launcher restarts an app that exited (as a Kubernetes restart policy). */
  enum Restart {
    /** A service: whatever the exit code, it should be running. */
    ALWAYS,
    /** A job with an end (the simulator with --duration): restarted only after a failure (exit code not 0). */
    ON_FAILURE
  }

  /** Readiness path of a Quarkus app (SmallRye Health). */
  static final String READY_PATH = "/q/health/ready";

  /** An app without an HTTP address, restarted whenever it exits. */
  AppSpec(String name, Path jar, List<String> jvmOptions, List<String> args, Map<String, String> environment) {
    this(name, jar, jvmOptions, args, environment, Optional.empty(), Restart.ALWAYS);
  }

  /** This app, ready once {@code address + /q/health/ready} answers 200. */
  AppSpec servingAt(String httpAddress) {
    return new AppSpec(name, jar, jvmOptions, args, environment, Optional.of(httpAddress), restart);
  }

  /** This app with another restart policy. */
  AppSpec restarted(Restart policy) {
    return new AppSpec(name, jar, jvmOptions, args, environment, address, policy);
  }

  /** The fraud-service's API key for the gateway (the simulator, curl) in the local run; not for production. */
  static final String DEV_FRAUD_API_KEY = "dev-gateway-key";
  /** The fraud-service's API key for analysts (the review queue) in the local run; not for production. */
  static final String DEV_FRAUD_ANALYST_KEY = "dev-analyst-key";
  /** The decision services' admin key (model hot swap, X-Admin-Key) in the local run; not for production. */
  static final String DEV_ADMIN_KEY = "dev-admin-key";
  /** Where the console (the operators' and analysts' page) listens in the local run. */
  static final String CONSOLE_URL = "http://127.0.0.1:8084/";

  /**
   * The decision services' JVM: the parallel collector, whose young pauses on their small live set (30-60 MB) cost
   * less CPU per request than G1's on two shared cores, and a metaspace threshold above the 100 MB a service loads,
   * so that loading classes at start-up triggers no full collection (docs/benchmarks/2026-12-04-gc.md).
   */
  static final List<String> SERVICE_JVM = List.of("-Xmx512m", "-XX:+UseParallelGC", "-XX:MetaspaceSize=128m");

  /**
   * The apps of a ridemarket checkout, in start order (they are stopped in reverse), feature-streams
   * keeping its Kafka Streams state in {@code streamsStateDir} and the archiver its raw zone in
   * {@code archiveDir}. Add a line here for each new runnable app, e.g. a Quarkus service's
   * target/quarkus-app/quarkus-run.jar.
   */
  static List<AppSpec> of(Path repoDir, Path streamsStateDir, Path archiveDir, List<String> simulatorArgs) {
    return List.of(
        new AppSpec("feature-streams", repoDir.resolve("feature-streams/target/quarkus-app/quarkus-run.jar"),
            // its static group member id: a restart, by hand or by the supervisor, takes its partitions back at once
            List.of("-Xmx512m"), List.of(), Map.of("FEATURES_STATE_DIR", streamsStateDir.toString(),
                "FEATURES_INSTANCE_ID", "feature-streams-0"))
            .servingAt("http://127.0.0.1:8090"),
        new AppSpec("pricing-service", repoDir.resolve("pricing-service/target/quarkus-app/quarkus-run.jar"),
            SERVICE_JVM, List.of(), Map.of("SERVING_ADMIN_KEYS", DEV_ADMIN_KEY))
            .servingAt("http://127.0.0.1:8081"),
        // Run from the repository root, so its defaults find the Midtown extract (../shared/data/osm,
        // or RIDEMARKET_OSM_FILE) and the models (models/artifacts, or MODELS_DIR); the graph cache
        // lives in its target/ so that only the first start imports the extract.
        new AppSpec("eta-service", repoDir.resolve("eta-service/target/quarkus-app/quarkus-run.jar"),
            concat(SERVICE_JVM, "-Dcom.google.protobuf.use_unsafe_pre22_gencode=true",
                "-Deta.routing.graph-cache-dir=" + repoDir.resolve("eta-service/target/graph-cache")),
            List.of(), Map.of("SERVING_ADMIN_KEYS", DEV_ADMIN_KEY))
            .servingAt("http://127.0.0.1:8082"),
        // The fraud service refuses to start without API keys; the local run gives it fixed dev keys.
        new AppSpec("fraud-service", repoDir.resolve("fraud-service/target/quarkus-app/quarkus-run.jar"),
            SERVICE_JVM, List.of(),
            Map.of("FRAUD_API_KEYS", DEV_FRAUD_API_KEY, "FRAUD_ANALYST_KEYS", DEV_FRAUD_ANALYST_KEY,
                "SERVING_ADMIN_KEYS", DEV_ADMIN_KEY))
            .servingAt("http://127.0.0.1:8083"),
        // The operators' and analysts' page on 8084, from the repository root so that it finds the Midtown
        // extract for its base map (like eta-service); it reads the other apps' default local ports.
        new AppSpec("console", consoleJar(repoDir),
            List.of("-Xmx256m", "-Dcom.google.protobuf.use_unsafe_pre22_gencode=true"), List.of(), Map.of())
            .servingAt("http://127.0.0.1:8084"),
        // Every input and decision topic into Parquet (ADR 0021); no HTTP port. A restart resumes from the raw
        // zone's own commits, so the supervisor may restart it at any moment without loss or duplicates.
        new AppSpec("archiver", repoDir.resolve("archiver/target/archiver.jar"), List.of("-Xmx512m"), List.of(),
            Map.of("ARCHIVE_DIR", archiveDir.toString())),
        // A run with --duration ends with exit code 0 and stays ended; a crash is restarted.
        new AppSpec("simulator", repoDir.resolve("simulator/target/simulator.jar"),
            List.of("-Xmx512m"), withClosedLoop(simulatorArgs), Map.of("FRAUD_API_KEY", DEV_FRAUD_API_KEY))
            .restarted(Restart.ON_FAILURE));
  }

  private static List<String> concat(List<String> options, String... more) {
    List<String> all = new ArrayList<>(options);
    all.addAll(List.of(more));
    return List.copyOf(all);
  }

  static Path consoleJar(Path repoDir) {
    return repoDir.resolve("console/target/quarkus-app/quarkus-run.jar");
  }

  // Riders are quoted by the local pricing-service, so prices feed back into demand; the driver app
  // asks the eta-service at each pick-up and the gateway has each payment scored by the fraud-service.
  // Options given after `./stack --` come later and win.
  private static List<String> withClosedLoop(List<String> simulatorArgs) {
    List<String> args = new ArrayList<>(List.of("--pricing-url", "http://127.0.0.1:8081",
        "--eta-url", "http://127.0.0.1:8082", "--fraud-url", "http://127.0.0.1:8083"));
    args.addAll(simulatorArgs);
    return args;
  }

  /** The variable whose JVM options are added to this app's: {@code PRICING_SERVICE_JAVA_OPTS} for pricing-service. */
  String javaOptionsVariable() {
    return name.toUpperCase(Locale.ROOT).replace('-', '_') + "_JAVA_OPTS";
  }

  boolean built() {
    return Files.isRegularFile(jar);
  }

  /** The command, with the JVM options of {@link #javaOptionsVariable()} from the launcher's environment. */
  List<String> command() {
    return command(System.getenv());
  }

  /**
   * {@code java <options> -jar <jar> <args>}: the app's own JVM options, then those of the variable
   * {@link #javaOptionsVariable()} in {@code environment} (later options win, so it can change the heap or the
   * collector, e.g. {@code PRICING_SERVICE_JAVA_OPTS="-Xmx1g"}).
   */
  List<String> command(Map<String, String> environment) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(JavaOptions.of(environment.get(javaOptionsVariable())));
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(args);
    return command;
  }
}
