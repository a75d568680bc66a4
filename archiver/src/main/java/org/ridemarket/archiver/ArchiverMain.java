package org.ridemarket.archiver;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.ridemarket.contracts.topics.Topic;
import org.ridemarket.contracts.topics.Topics;

/**
 * The archiver's command line: {@code archive} (the default) runs the archiver until SIGTERM, or with
 * {@code --to-end} until it has archived what the topics hold at its start; {@code sql}
 * opens a SQL prompt over the raw zone, or runs a query file ({@code --file}) or one statement ({@code -c}).
 */
public final class ArchiverMain {

  /** The topics archived by default: every input and every decision topic of the contract. */
  static final List<Topic<String, ?>> ARCHIVED = List.of(Topics.RIDE_REQUESTS, Topics.DRIVER_LOCATIONS,
      Topics.TRIP_EVENTS, Topics.PAYMENTS, Topics.PRICE_QUOTES, Topics.ETA_PREDICTIONS, Topics.FRAUD_DECISIONS,
      Topics.FRAUD_LABELS);

  static final String USAGE = """
      usage: java -jar archiver/target/archiver.jar [archive] [--dir DIR] [--kafka SERVERS] [--flush-interval D] [--max-buffered N] [--to-end]
             java -jar archiver/target/archiver.jar sql [--dir DIR] [--file QUERY.sql | -c 'SELECT ...']
        --dir DIR            the raw zone (default $ARCHIVE_DIR, else .stack/archive/latest: the local run's)
        --kafka SERVERS      bootstrap servers (default $KAFKA_BOOTSTRAP_SERVERS, else localhost:9092)
        --flush-interval D   seconds between two commits of the raw zone (default 60)
        --max-buffered N     records buffered before an early commit (default 200000)
        --to-end             archive what the topics hold now, commit and exit, instead of running until SIGTERM
      """;

  private ArchiverMain() {
  }

  public static void main(String[] args) throws Exception {
    List<String> rest = new ArrayList<>(List.of(args));
    String command = !rest.isEmpty() && !rest.get(0).startsWith("-") ? rest.remove(0) : "archive";
    Map<String, String> env = System.getenv();
    Path dir = Path.of(option(rest, "--dir", env.getOrDefault("ARCHIVE_DIR", ".stack/archive/latest")));
    switch (command) {
      case "archive" -> archive(dir, rest, env);
      case "sql" -> System.exit(sql(dir, rest, System.in, System.out));
      default -> {
        System.err.print("unknown command " + command + "\n" + USAGE);
        System.exit(2);
      }
    }
  }

  private static void archive(Path dir, List<String> rest, Map<String, String> env) {
    String kafka = option(rest, "--kafka", env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"));
    Duration interval = Duration.ofSeconds(Long.parseLong(option(rest, "--flush-interval", "60")));
    int maxBuffered = Integer.parseInt(option(rest, "--max-buffered", "200000"));
    boolean toEnd = rest.remove("--to-end");
    refuseLeftovers(rest);
    KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(kafka),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
    Archiver archiver = new Archiver(consumer, new RawZone(dir), ARCHIVED,
        new Archiver.Settings(interval, maxBuffered), Clock.systemUTC());
    // on SIGTERM: ask the loop to flush and wait for it (not for the calling thread, which may be the one exiting)
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      archiver.stop();
      try {
        finished.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "archiver-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try (consumer) {
      archiver.start();
      System.out.println("archiver: archiving " + ARCHIVED.size() + " topics from " + kafka + " into "
          + dir.toAbsolutePath() + (toEnd ? ", up to their end offsets now" : ", committing every "
          + interval.toSeconds() + " s"));
      if (toEnd) {
        archiver.runToEnd();
      } else {
        archiver.run();
      }
    } finally {
      finished.countDown();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down already: the hook is running
    }
    System.out.println("archiver: stopped; archived " + archiver.archived());
  }

  /** The sql command: a statement ({@code -c}), a query file ({@code --file}) or a prompt on {@code in}. */
  static int sql(Path dir, List<String> rest, InputStream in, PrintStream out) throws Exception {
    String file = option(rest, "--file", null);
    String statement = option(rest, "-c", null);
    refuseLeftovers(rest);
    if (!Files.isDirectory(dir)) {
      out.println("no raw zone at " + dir.toAbsolutePath() + " (--dir or ARCHIVE_DIR)");
      return 2;
    }
    try (ArchiveSql sql = new ArchiveSql(dir)) {
      if (statement != null) {
        return sql.runScript(new BufferedReader(new StringReader(statement)), out, null) == 0 ? 0 : 1;
      }
      if (file != null) {
        try (BufferedReader script = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
          return sql.runScript(script, out, null) == 0 ? 0 : 1;
        }
      }
      out.println("raw zone " + dir.toAbsolutePath() + "; views: " + String.join(", ", sql.views())
          + "\nend each statement with ';', Ctrl-D to leave");
      sql.runScript(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), out, "sql> ");
      return 0;
    }
  }

  static Properties consumerConfig(String bootstrapServers) {
    Properties config = new Properties();
    config.putAll(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.CLIENT_ID_CONFIG, "ridemarket-archiver",
        // Only for lag monitoring: positions come from the raw zone (partitions are assigned, not subscribed).
        ConsumerConfig.GROUP_ID_CONFIG, "ridemarket-archiver",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
        // A committed position the log no longer has (retention, another cluster) must stop the archiver, loudly.
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none",
        // Transactional producers (feature-streams) leave aborted records behind; never archive them.
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000",
        ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(32 * 1024 * 1024),
        // Files are written every flush interval, so a fetch may wait: the broker answers once a megabyte or a
        // second has gathered, instead of once per produced batch (about 100 answers a second at 1,000
        // quotes/s; with the console's fetches batched too, the broker used a fifth less CPU at that rate).
        ConsumerConfig.FETCH_MIN_BYTES_CONFIG, Integer.toString(1024 * 1024),
        ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "1000"));
    return config;
  }

  private static String option(List<String> args, String name, String fallback) {
    int at = args.indexOf(name);
    if (at < 0) {
      return fallback;
    }
    if (at + 1 >= args.size()) {
      throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
    }
    String value = args.get(at + 1);
    args.subList(at, at + 2).clear();
    return value;
  }

  private static void refuseLeftovers(List<String> args) {
    if (!args.isEmpty()) {
      throw new IllegalArgumentException("unknown arguments " + args + "\n" + USAGE);
    }
  }
}
