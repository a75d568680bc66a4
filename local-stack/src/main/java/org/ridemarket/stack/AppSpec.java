package org.ridemarket.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One of the project's apps that the local run starts after the infrastructure: a runnable jar. */
record AppSpec(String name, Path jar, List<String> jvmOptions, List<String> args) {

  /**
   * The apps of a ridemarket checkout, in start order (they are stopped in reverse). Add a line
   * here for each new runnable app, e.g. a Quarkus service's target/quarkus-app/quarkus-run.jar.
   */
  static List<AppSpec> of(Path repoDir, List<String> simulatorArgs) {
    return List.of(
        new AppSpec("feature-streams", repoDir.resolve("feature-streams/target/quarkus-app/quarkus-run.jar"),
            List.of("-Xmx512m"), List.of()),
        new AppSpec("pricing-service", repoDir.resolve("pricing-service/target/quarkus-app/quarkus-run.jar"),
            List.of("-Xmx512m"), List.of()),
        // Run from the repository root, so its defaults find the Midtown extract (../shared/data/osm,
        // or RIDEMARKET_OSM_FILE) and the models (models/artifacts, or MODELS_DIR); the graph cache
        // lives in its target/ so that only the first start imports the extract.
        new AppSpec("eta-service", repoDir.resolve("eta-service/target/quarkus-app/quarkus-run.jar"),
            List.of("-Xmx512m", "-Dcom.google.protobuf.use_unsafe_pre22_gencode=true",
                "-Deta.routing.graph-cache-dir=" + repoDir.resolve("eta-service/target/graph-cache")),
            List.of()),
        new AppSpec("simulator", repoDir.resolve("simulator/target/simulator.jar"),
            List.of("-Xmx512m"), withClosedLoop(simulatorArgs)));
  }

  // Riders are quoted by the local pricing-service, so prices feed back into demand, and the driver
  // app asks the eta-service at each pick-up; options given after `./stack --` come later and win.
  private static List<String> withClosedLoop(List<String> simulatorArgs) {
    List<String> args = new ArrayList<>(List.of("--pricing-url", "http://127.0.0.1:8081",
        "--eta-url", "http://127.0.0.1:8082"));
    args.addAll(simulatorArgs);
    return args;
  }

  boolean built() {
    return Files.isRegularFile(jar);
  }

  List<String> command() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(args);
    return command;
  }
}
