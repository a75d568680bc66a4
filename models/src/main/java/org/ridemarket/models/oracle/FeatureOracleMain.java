package org.ridemarket.models.oracle;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.ridemarket.simulator.output.EncodedEvent;

/**
 * The oracle as a command (models/README.md, "Feature oracle"): replays a run's input, compares Redis with it
 * and recounts requests in DuckDB; exits 0 when both agree, 1 when they do not, 2 on a usage error.
 */
public final class FeatureOracleMain {

  private FeatureOracleMain() {
  }

  public static void main(String[] args) {
    String kafka = env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092");
    String redis = env("REDIS_URL", "redis://127.0.0.1:16379");
    Path eventFile = null;
    boolean close = false;
    Duration timeout = Duration.ofMinutes(2);
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--kafka" -> kafka = value(args, ++i, "--kafka");
        case "--redis" -> redis = value(args, ++i, "--redis");
        case "--events" -> eventFile = Path.of(value(args, ++i, "--events"));
        case "--close" -> close = true;
        case "--timeout" -> timeout = Duration.parse(value(args, ++i, "--timeout"));
        default -> usage("unknown option " + args[i]);
      }
    }
    if (close && eventFile != null) {
      usage("--close writes to the topics; it makes no sense with --events");
    }
    if (close) {
      long closingTime = ClosingEvents.closingTime(ClosingEvents.lastEventTime(InputHistory.fromKafka(kafka, timeout)));
      List<String> cells = ClosingEvents.write(kafka, closingTime);
      System.out.println("closed the run at " + Instant.ofEpochMilli(closingTime) + " in cells " + cells
          + "; compare once the pipeline has settled (run again without --close)");
      return;
    }
    long started = System.nanoTime();
    List<EncodedEvent> events = eventFile != null ? InputHistory.fromEventFile(eventFile)
        : InputHistory.fromKafka(kafka, timeout);
    Map<String, Map<String, String>> expected = FeatureOracle.replay(events);
    double replaySeconds = (System.nanoTime() - started) / 1e9;
    Map<String, Map<String, String>> stored = FeatureOracle.readRedis(redis);
    OracleReport report = FeatureOracle.compare(expected, stored);
    RequestCountCheck.Result counts = RequestCountCheck.check(events, stored);
    System.out.printf("replayed %d input events in %.1f s (%.0f events/s)%n", events.size(), replaySeconds,
        events.size() / replaySeconds);
    System.out.println("oracle: " + report);
    System.out.println("duckdb: " + counts);
    System.exit(report.clean() && counts.clean() ? 0 : 1);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      usage(option + " needs a value");
    }
    return args[index];
  }

  private static void usage(String problem) {
    System.err.println(problem + "\nusage: feature-oracle [--kafka SERVERS] [--redis URL] [--events FILE] [--close]"
        + " [--timeout PT2M]");
    System.exit(2);
  }
}
