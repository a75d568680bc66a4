package org.ridemarket.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The local run's command line: where state goes, which ports, whether to start the apps, and whether to
 * start the trace UI (Zipkin) with the apps tracing every request into it.
 */
record CliOptions(StackSettings settings, Path repoDir, boolean startApps, boolean help, List<String> appArgs,
    boolean traces, int zipkinPort) {

  /** Zipkin's own default port, where its UI and API are usually looked for. */
  static final int DEFAULT_ZIPKIN_PORT = 9411;

  static final String USAGE = String.join("\n",
      "usage: ./stack [options] [-- simulator arguments]",
      "       ./stack topics            list the topics with their partition and record counts",
      "       ./stack tail <topic> [--from-beginning] [--max N]   print a topic's records, decoded",
      "       ./stack restart NAME [--state-dir DIR]   restart one app, or kafka, redis or postgres, of the running stack",
      "options:",
      "  --no-apps                 start the infrastructure only",
      "  --traces                  also start Zipkin (trace UI) and have the apps trace every request into it",
      "  --zipkin-port N           default " + DEFAULT_ZIPKIN_PORT,
      "  --state-dir DIR           where servers keep data, logs and pid files (default <repo>/.stack)",
      "  --repo-dir DIR            the ridemarket checkout whose app jars are started (default .)",
      "  --keep-kafka-data         keep Kafka's topics and records from the previous run",
      "  --kafka-port N            default " + StackSettings.LOCAL_KAFKA_PORT,
      "  --kafka-controller-port N default " + StackSettings.LOCAL_KAFKA_CONTROLLER_PORT,
      "  --redis-port N            default " + StackSettings.LOCAL_REDIS_PORT,
      "  --postgres-port N         default " + StackSettings.LOCAL_POSTGRES_PORT);

  static CliOptions parse(String[] args) {
    Path repoDir = Path.of("").toAbsolutePath();
    Path stateDir = null;
    StackSettings ports = StackSettings.localRun(repoDir.resolve(".stack"));
    int kafka = ports.kafkaPort();
    int controller = ports.kafkaControllerPort();
    int redis = ports.redisPort();
    int postgres = ports.postgresPort();
    boolean startApps = true;
    boolean keepKafkaData = false;
    boolean help = false;
    boolean traces = false;
    int zipkin = DEFAULT_ZIPKIN_PORT;
    List<String> appArgs = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--" -> {
          appArgs.addAll(List.of(args).subList(i + 1, args.length));
          i = args.length;
        }
        case "--no-apps" -> startApps = false;
        case "--keep-kafka-data" -> keepKafkaData = true;
        case "--traces" -> traces = true;
        case "--zipkin-port" -> zipkin = port(args, ++i, arg);
        case "-h", "--help" -> help = true;
        case "--state-dir" -> stateDir = Path.of(value(args, ++i, arg));
        case "--repo-dir" -> repoDir = Path.of(value(args, ++i, arg)).toAbsolutePath();
        case "--kafka-port" -> kafka = port(args, ++i, arg);
        case "--kafka-controller-port" -> controller = port(args, ++i, arg);
        case "--redis-port" -> redis = port(args, ++i, arg);
        case "--postgres-port" -> postgres = port(args, ++i, arg);
        default -> throw new IllegalArgumentException("unknown option: " + arg);
      }
    }
    Path state = stateDir != null ? stateDir : repoDir.resolve(".stack");
    StackSettings settings = new StackSettings(state, kafka, controller, redis, postgres, keepKafkaData,
        StackSettings.DEFAULT_START_TIMEOUT);
    return new CliOptions(settings, repoDir, startApps, help, List.copyOf(appArgs), traces, zipkin);
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }

  private static int port(String[] args, int index, String option) {
    try {
      return Integer.parseInt(value(args, index, option));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a port number, not " + args[index]);
    }
  }
}
