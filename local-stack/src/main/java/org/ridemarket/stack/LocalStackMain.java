package org.ridemarket.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * The one-command local run: starts the stack on the documented ports, then the project's apps,
 * and on Ctrl-C or SIGTERM stops the apps, then Kafka, Redis and PostgreSQL.
 */
public final class LocalStackMain {

  /** The start of the line printed once everything is healthy; scripts and tests wait for it. */
  public static final String READY = "ridemarket stack ready";
  // Zipkin (Spring Boot, Armeria) starts in about 10 s on two cores beside the apps' builds.
  private static final Duration ZIPKIN_START_TIMEOUT = Duration.ofSeconds(90);

  private final CliOptions options;
  private final PrintStream out;

  LocalStackMain(CliOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("restart")) {
      System.exit(restartCommand(Arrays.asList(args).subList(1, args.length)));
      return;
    }
    if (args.length > 0 && args[0].equals("dead-letters")) {
      configureLogging("error");
      System.exit(deadLettersCommand(Arrays.asList(args).subList(1, args.length)));
      return;
    }
    boolean viewer = args.length > 0 && (args[0].equals("topics") || args[0].equals("tail"));
    configureLogging(viewer ? "error" : "warn");
    if (viewer) {
      try {
        viewTopics(args);
      } catch (RuntimeException e) {
        System.err.println("[stack] " + e.getMessage());
        System.exit(1);
      }
      return;
    }
    CliOptions options;
    try {
      options = CliOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage() + "\n" + CliOptions.USAGE);
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.println(CliOptions.USAGE);
      return;
    }
    new LocalStackMain(options, System.out).run();
  }

  void run() throws InterruptedException {
    LocalStack stack = new LocalStack(options.settings());
    StackEndpoints endpoints = stack.endpoints();
    PidFiles pidFiles = new PidFiles(options.settings().pidDir());
    Optional<ZipkinNode> zipkin = options.traces()
        ? Optional.of(new ZipkinNode(options.settings().stateDir().resolve("zipkin"), options.zipkinPort(), pidFiles))
        : Optional.empty();
    Supervisor supervisor = new Supervisor(out, RestartBackoff.LOCAL);
    AppSupervisor apps = new AppSupervisor(pidFiles, appEnvironment(endpoints, zipkin), options.repoDir(), out,
        supervisor);
    ControlSocket[] control = new ControlSocket[1];
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      out.println("[stack] stopping");
      if (control[0] != null) {
        control[0].close();
      }
      supervisor.close();
      apps.close();
      stack.close();
      zipkin.ifPresent(ZipkinNode::close);
      out.println("[stack] stopped");
    }, "stack-shutdown"));
    try {
      out.println("[stack] starting kafka, redis and postgres on 127.0.0.1 (state in " + options.settings().stateDir()
          + ")");
      stack.start();
      stack.supervised().forEach(supervisor::watch);
      // After the stack: its lock is held, so a control socket left in the state directory is a dead launcher's.
      control[0] = ControlSocket.open(options.settings().stateDir(), request -> answer(supervisor, request));
      // After the stack: its start ends what an earlier run left (a Zipkin included) and takes the state lock.
      if (zipkin.isPresent()) {
        zipkin.get().start(Instant.now().plus(ZIPKIN_START_TIMEOUT));
        supervisor.watch(LocalStack.supervised(zipkin.get(), ZIPKIN_START_TIMEOUT));
      }
    } catch (Exception e) {
      System.err.println("[stack] " + e.getMessage());
      System.exit(1);
    }
    out.println(readyLine(endpoints, zipkin));
    out.println("[stack] state and logs in " + options.settings().stateDir() + "; Ctrl-C stops everything; "
        + "./stack restart NAME restarts one of " + supervisor.names() + (options.startApps() ? " or an app" : ""));
    if (options.startApps()) {
      try {
        // Kafka starts empty each time, so the stream apps' local state must too: a state directory
        // left by an earlier run names changelog offsets the new broker never had.
        Path streamsState = options.settings().stateDir().resolve("feature-streams").toAbsolutePath();
        Directories.recreate(streamsState);
        Path archive = RunArchive.create(options.settings().stateDir().resolve("archive").toAbsolutePath(),
            Instant.now());
        out.println("[stack] the archiver writes this run's raw zone to " + archive + " (also "
            + archive.resolveSibling(RunArchive.LATEST) + "); SQL: java -jar archiver/target/archiver.jar sql");
        apps.start(AppSpec.of(options.repoDir(), streamsState, archive, options.appArgs()),
            started -> out.println(appsReadyLine(started, endpoints)));
      } catch (IOException e) {
        System.err.println("[stack] cannot start the apps: " + e.getMessage());
        System.exit(1);
      }
    }
    new CountDownLatch(1).await();
  }

  // The apps trace every request into Zipkin with --traces; variables already set where the stack runs win.
  private static Map<String, String> appEnvironment(StackEndpoints endpoints, Optional<ZipkinNode> zipkin) {
    Map<String, String> environment = new LinkedHashMap<>(endpoints.asEnvironment());
    zipkin.ifPresent(node -> node.appEnvironment().forEach((name, value) -> {
      if (System.getenv(name) == null) {
        environment.put(name, value);
      }
    }));
    return environment;
  }

  private String readyLine(StackEndpoints endpoints, Optional<ZipkinNode> zipkin) {
    // From the JVM's start, not the process's: ./stack execs java in the shell that ran the build.
    Instant started = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
    String env = endpoints.asEnvironment().entrySet().stream()
        .map(variable -> variable.getKey() + "=" + variable.getValue())
        .collect(Collectors.joining(" "));
    String traces = zipkin.map(node -> " TRACES_UI=" + node.uiUrl()).orElse("");
    // The console starts with the apps, a few seconds after this line; its address is known now.
    String console = options.startApps() && Files.isRegularFile(AppSpec.consoleJar(options.repoDir()))
        ? " CONSOLE=" + AppSpec.CONSOLE_URL : "";
    return String.format("%s in %.1f s: %s%s%s", READY, seconds, env, traces, console);
  }

  private static String answer(Supervisor supervisor, String request) {
    if (!request.startsWith("restart ")) {
      return "unknown request '" + request + "'; the launcher knows: restart NAME";
    }
    return supervisor.restart(request.substring("restart ".length()).trim());
  }

  private static String appsReadyLine(List<AppSpec> apps, StackEndpoints endpoints) {
    Instant started = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
    String each = apps.stream().map(app -> app.name() + "=" + app.address().orElse("running"))
        .collect(Collectors.joining(" "));
    return String.format("%s in %.1f s: %s kafka=%s redis=%s postgres=%s", AppSupervisor.APPS_READY, seconds, each,
        endpoints.kafkaBootstrapServers(), endpoints.redisUrl(), endpoints.postgresUrl());
  }

  // ./stack restart NAME [--state-dir DIR]: asks the launcher running on that state directory.
  private static int restartCommand(List<String> args) {
    if (args.isEmpty() || args.get(0).startsWith("-")) {
      System.err.println(CliOptions.USAGE);
      return 2;
    }
    int stateDirIndex = args.indexOf("--state-dir");
    Path stateDir = stateDirIndex >= 0 && stateDirIndex + 1 < args.size()
        ? Path.of(args.get(stateDirIndex + 1)) : Path.of(".stack");
    System.out.println("[stack] asking the launcher on " + stateDir.toAbsolutePath() + " to restart " + args.get(0));
    try {
      String answer = ControlSocket.send(stateDir.toAbsolutePath(), "restart " + args.get(0));
      System.out.println("[stack] " + answer);
      return answer.startsWith("restarted ") ? 0 : 1;
    } catch (IOException e) {
      System.err.println("[stack] " + e.getMessage());
      return 1;
    }
  }

  // ./stack dead-letters [selection] [--replay [--force]]: lists or replays dead letters (DeadLetterReplay).
  private static int deadLettersCommand(List<String> args) {
    DeadLetterSelection selection;
    try {
      selection = DeadLetterSelection.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("[stack] " + e.getMessage() + "\n" + DeadLetterSelection.USAGE);
      return 2;
    }
    String bootstrap = System.getenv().getOrDefault(StackEndpoints.KAFKA_BOOTSTRAP_SERVERS,
        "127.0.0.1:" + StackSettings.LOCAL_KAFKA_PORT);
    try {
      new DeadLetterReplay(bootstrap, System.out, Clock.systemUTC())
          .run(selection, args.contains("--replay"), args.contains("--force"));
      return 0;
    } catch (RuntimeException e) {
      System.err.println("[stack] " + e.getMessage());
      return 1;
    }
  }

  private static void viewTopics(String[] args) {
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    String bootstrap = System.getenv().getOrDefault(StackEndpoints.KAFKA_BOOTSTRAP_SERVERS,
        "127.0.0.1:" + StackSettings.LOCAL_KAFKA_PORT);
    TopicViewer viewer = new TopicViewer(bootstrap, System.out);
    if (args[0].equals("topics")) {
      viewer.list();
      return;
    }
    if (rest.isEmpty()) {
      System.err.println(CliOptions.USAGE);
      System.exit(2);
    }
    int maxIndex = rest.indexOf("--max");
    int max = maxIndex >= 0 && maxIndex + 1 < rest.size() ? Integer.parseInt(rest.get(maxIndex + 1)) : 0;
    viewer.tail(rest.get(0), rest.contains("--from-beginning"), max);
  }

  // slf4j-simple reads these once, when the first logger is made: so before anything logs.
  // A viewer keeps quiet about a broker that is not there: it fails with a timeout instead.
  private static void configureLogging(String defaultLevel) {
    Map<String, String> defaults = Map.of(
        "org.slf4j.simpleLogger.defaultLogLevel", defaultLevel,
        "org.slf4j.simpleLogger.log.org.ridemarket", "info",
        // zonky logs a failed pg_ctl stop of a crashed server as an error before the supervisor restarts it
        "org.slf4j.simpleLogger.log.io.zonky.test.db.postgres.embedded.EmbeddedPostgres", "off",
        "org.slf4j.simpleLogger.showThreadName", "false",
        "org.slf4j.simpleLogger.showLogName", "false",
        "org.slf4j.simpleLogger.levelInBrackets", "true",
        "org.slf4j.simpleLogger.logFile", "System.out");
    defaults.forEach((key, value) -> {
      if (System.getProperty(key) == null) {
        System.setProperty(key, value);
      }
    });
  }
}
