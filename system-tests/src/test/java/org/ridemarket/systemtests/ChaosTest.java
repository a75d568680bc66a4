package org.ridemarket.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.ridemarket.contracts.events.DeadLetter;
import org.ridemarket.contracts.features.SupplyDemandFeatures;
import org.ridemarket.contracts.features.VelocityFeatures;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.stack.LocalStack;
import org.ridemarket.systemtests.QuoteProbe.Answer;

/**
 * Faults while the simulator feeds the stack (issue 13): the broker killed with SIGKILL and restarted,
 * feature-streams killed and restarted, Redis restarted empty, PostgreSQL frozen. Each step feeds a fresh stretch
 * of simulated city, injects the fault mid-stretch, measures how long the pipeline took to recover, and once the
 * stretch ended, closes it and holds Redis to the replay oracle (no lost, extra or differing feature), the
 * requests to DuckDB's recount, the dead-letter topic to the bad records the step wrote, and pricing-service to
 * its budget (250 ms, late after 300) with 503 while PostgreSQL is frozen and at most a stray one otherwise.
 */
// Last of the system tests: its simulated city runs ahead of the wall clock, and every stream time with it.
@Order(3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChaosTest {

  private static final Duration STRETCH = Duration.ofMinutes(10);
  private static final int SPEED = 20;
  /**
   * The broker's and feature-streams' steps run nearly live. While the broker is down the simulator's producer holds
   * each partition's records, and after the restart the partitions drain in no particular order, so one input task's
   * stream time runs ahead of records still waiting in another partition by as much event time as the outage lasted.
   * At 20x a 25-s outage is 8 minutes, far past the 2-minute grace (a first run dead-lettered 3,614 records as
   * TOO_LATE); at 2x it is under a minute, as a live feed's would be. The same holds for feature-streams' catch-up
   * after its restart, once the restart no longer waits out a session (ADR 0039): a 10-s outage at 20x is more than
   * 3 minutes of event time, and one run with the simulator still writing dead-lettered 92 records.
   */
  private static final Duration NEAR_LIVE_STRETCH = Duration.ofMinutes(3);
  private static final int NEAR_LIVE_SPEED = 2;
  /**
   * Longest a quote may take in any step. Not the budget (250 ms + 50, a speed target the serving benchmark's
   * `faults` run measures and reports; timed assertions do not belong in tests on a shared machine, where one
   * answer of the full run took 347 ms): a bound that tells "answered within its budget, give or take the
   * machine" from "held until the dependency came back", which a 30-s pause would show as seconds.
   */
  private static final double HELD_MILLIS = 2_000;
  /**
   * Share of a step's quotes that may be refused with the designed 503 and Retry-After when PostgreSQL is not frozen.
   * On this shared 2-core machine a step's fault can starve PostgreSQL past the 250-ms commit deadline for a moment:
   * one run's broker step refused 1 quote of 516 while the restarted broker's JVM started, pricing logging
   * "PostgreSQL did not commit within the request's deadline". A recording path that waited on the dead dependency
   * would refuse every quote of the outage (the probe sends several a second), far above this share.
   */
  private static final double STRAY_REFUSALS = 0.01;
  private static final Duration RECOVERY_TIMEOUT = Duration.ofMinutes(3);
  private static final String SD = SupplyDemandFeatures.REDIS_KEY_PREFIX;

  /**
   * feature-streams' consumer groups, each with the one member it should hold: the instance's static id (Kafka Streams
   * appends its thread's index), so that a restart replaces the killed member instead of waiting out its session.
   */
  private static final Map<String, String> FEATURE_GROUPS = Map.of(
      "feature-streams-supply-demand", SystemStack.FEATURES_INSTANCE_ID + "-1",
      "feature-streams-congestion", SystemStack.FEATURES_INSTANCE_ID + "-1",
      "feature-streams-redis-sink", SystemStack.FEATURES_INSTANCE_ID,
      "feature-streams-congestion-redis-sink", SystemStack.FEATURES_INSTANCE_ID,
      "feature-streams-velocity-redis-sink", SystemStack.FEATURES_INSTANCE_ID);

  private static SystemStack system;
  private static LocalStack stack;
  private static AppProcess features;
  private static AppProcess pricing;
  private static OracleCheck oracle;
  private static KafkaProducer<String, byte[]> producer;
  private static RedisClient redisClient;
  private static StatefulRedisConnection<String, String> redis;
  private static Map<TopicPartition, Long> deadLettersBefore;
  private static final Set<String> badRecords = new HashSet<>();
  private static final List<String> recoveries = new ArrayList<>();
  private static Set<String> foreignHashes;
  private static Instant nextStart;
  private static int seed = 1300;

  @BeforeAll
  static void startEverything() throws Exception {
    system = SystemStack.get();
    stack = system.stack();
    features = system.app("feature-streams");
    // the production budget: this test holds pricing to it under faults
    pricing = system.app("pricing-service", "pricing-service-chaos", Map.of("SERVING_DEADLINES_QUOTE", "PT0.25S"));
    SystemStack.awaitReady(features, pricing);
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    redisClient = RedisClient.create(stack.endpoints().redisUrl());
    redis = redisClient.connect();
    deadLettersBefore = deadLetterEnds();
    oracle = new OracleCheck(bootstrap(), stack.endpoints().redisUrl());
    foreignHashes = oracle.ignoreForeignHashes();
    // a cold JVM's first answers are slow everywhere; the budget is about the faults
    QuoteProbe.send(pricing.baseUrl(), 300);
    nextStart = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    System.out.println("[chaos] load average at the start: " + loadAverage());
  }

  @AfterAll
  static void report() {
    System.out.println("[chaos] recovery times:\n  " + String.join("\n  ", recoveries)
        + "\n[chaos] load average at the end: " + loadAverage());
    if (redis != null) {
      redis.close();
      redisClient.shutdown();
    }
    if (producer != null) {
      producer.close();
    }
    if (oracle != null) {
      oracle.close();
    }
  }

  @Test
  @Order(1)
  void shouldLoseAndDoubleCountNothingWhenTheBrokerIsKilled() throws Exception {
    step("broker", NEAR_LIVE_STRETCH, NEAR_LIVE_SPEED, false, probe ->
        killAndAwaitFlow("broker SIGKILL + restart", "broker answering", stack::killAndRestartKafka));
  }

  @Test
  @Order(2)
  void shouldLoseAndDoubleCountNothingWhenFeatureStreamsIsKilled() throws Exception {
    step("feature-streams", NEAR_LIVE_STRETCH, NEAR_LIVE_SPEED, false, probe -> {
      killAndAwaitFlow("feature-streams SIGKILL + restart", "ready", () -> {
        features = system.killAndRestart("feature-streams");
        SystemStack.awaitReady(features);
      });
      awaitStaticFeatureGroups();
    });
  }

  @Test
  @Order(3)
  void shouldRebuildTheFeaturesWhenRedisRestartsEmpty() throws Exception {
    step("redis", STRETCH, SPEED, false, probe -> {
      Set<String> before = featureKeys();
      // what earlier tests wrote straight into Redis is in no topic, so nothing can rebuild it
      before.removeAll(foreignHashes);
      long killed = System.nanoTime();
      stack.killAndRestartRedis();
      double back = seconds(killed);
      // the test's own connection to Redis reconnects too
      int empty = retrying(() -> featureKeys().size());
      // every hash Redis held before the restart is back, from the sinks' re-read of the features topics
      awaitCondition("the " + before.size() + " feature hashes rebuilt", () -> featureKeys().containsAll(before));
      recovered("Redis SIGKILL + empty restart", killed, "Redis answering after " + format(back) + " s with "
          + empty + " feature hashes; all " + before.size() + " earlier hashes back");
    });
  }

  @Test
  @Order(4)
  void shouldAnswerWithinBudgetWhilePostgresIsFrozen() throws Exception {
    step("postgres", STRETCH, SPEED, true, probe -> {
      stack.pausePostgres(true);
      try {
        int before = probe.answers().size();
        awaitCondition("a quote refused by a frozen PostgreSQL", () -> probe.answers().stream().skip(before)
            .anyMatch(answer -> answer.status() == 503));
        Thread.sleep(5_000);
      } finally {
        stack.pausePostgres(false);
      }
      long thawed = System.nanoTime();
      int atThaw = probe.answers().size();
      awaitCondition("a recorded quote after PostgreSQL thawed", () -> probe.answers().stream().skip(atThaw)
          .anyMatch(answer -> answer.status() == 201));
      recovered("PostgreSQL SIGSTOP 5 s + SIGCONT", thawed, "counted from SIGCONT: a quote recorded (201) again");
      assertThat(probe.answers()).as("503 with Retry-After while PostgreSQL was frozen")
          .anyMatch(answer -> answer.status() == 503 && answer.retryAfter());
    });
  }

  /** A fault injected while the simulator feeds the stack and a probe asks for quotes. */
  private interface Fault {
    void inject(QuoteProbe probe) throws Exception;
  }

  /** A restart of one part of the stack. */
  private interface Restart {
    void run() throws Exception;
  }

  /** Feeds a stretch of city, injects {@code fault} with quotes being asked, then checks everything. */
  private static void step(String name, Duration stretch, int speed, boolean postgresFrozen, Fault fault)
      throws Exception {
    SimulatorRun run = feed(stretch, speed);
    List<Answer> answers;
    try (QuoteProbe probe = QuoteProbe.start(pricing.baseUrl())) {
      fault.inject(probe);
      probe.close();
      answers = probe.answers();
    } catch (Exception | AssertionError e) {
      run.close();
      throw e;
    }
    finish(name, run, answers, postgresFrozen);
  }

  /** Runs {@code restart} (a kill and a start) and waits until new features reach Redis again. */
  private static void killAndAwaitFlow(String step, String backWhat, Restart restart) throws Exception {
    long newest = newestEventTime();
    long killed = System.nanoTime();
    restart.run();
    double back = seconds(killed);
    awaitFlow(System.currentTimeMillis(), newest);
    recovered(step, killed, backWhat + " after " + format(back) + " s, then a supply/demand vector newer than any"
        + " before the kill written to Redis");
  }

  /** Writes one bad record and starts the next stretch of city, returning once its features reach Redis. */
  private static SimulatorRun feed(Duration stretch, int speed) throws Exception {
    Instant start = nextStart;
    RecordMetadata bad = producer.send(new ProducerRecord<>(Topics.RIDE_REQUESTS.name(), null, start.toEpochMilli(),
        "not-a-cell", "not an event".getBytes(StandardCharsets.UTF_8))).get();
    badRecords.add(bad.topic() + "/" + bad.partition() + "/" + bad.offset());
    SimulatorRun run = SimulatorRun.start(bootstrap(), ++seed, start, stretch, speed);
    // finish() moves it past the run's closing; if this step fails first, the next one still starts after it
    nextStart = start.plus(stretch).plusSeconds(1);
    long flowing = start.plusSeconds(60).toEpochMilli();
    awaitCondition("the simulator's features in Redis", () -> newestEventTime() >= flowing);
    return run;
  }

  /** After the stretch: the oracle, DuckDB's recount, the dead letters and the quotes' budget. */
  private static void finish(String step, SimulatorRun run, List<Answer> answers, boolean postgresFrozen)
      throws Exception {
    run.awaitSuccess(Duration.ofMinutes(3));
    OracleCheck.Outcome outcome = oracle.closeAndCompare(Duration.ofMinutes(2));
    System.out.printf("[chaos] %s: oracle after %.1f s (%d events replayed): %s%n[chaos] %s: duckdb: %s%n", step,
        outcome.settleSeconds(), outcome.replayed(), outcome.oracle(), step, outcome.counts());
    nextStart = Instant.ofEpochMilli(outcome.closingTime() + 1_000);
    double slowest = answers.stream().mapToDouble(Answer::millis).max().orElse(0);
    System.out.printf("[chaos] %s: %d quotes, statuses %s, slowest %.0f ms, %d degraded%n", step, answers.size(),
        QuoteProbe.statuses(answers), slowest, answers.stream().filter(Answer::degraded).count());
    Map<String, String> deadLetterReasons = deadLetters();
    Set<String> deadLetters = deadLetterReasons.keySet();
    System.out.printf("[chaos] %s: %d dead letters since the suite began, %d written as bad; by source topic and"
        + " reason: %s%n", step, deadLetters.size(), badRecords.size(), deadLetterReasons.entrySet().stream()
        .collect(Collectors.groupingBy(letter -> letter.getKey().substring(0, letter.getKey().indexOf('/')) + " "
            + letter.getValue(), TreeMap::new, Collectors.counting())));

    assertThat(outcome.oracle().clean()).as("oracle after the %s step: %s", step, outcome.oracle()).isTrue();
    assertThat(outcome.counts().clean()).as("DuckDB after the %s step: %s", step, outcome.counts()).isTrue();
    assertThat(deadLetters).as("dead letters after the %s step", step).isEqualTo(badRecords);
    assertThat(answers).as("quotes during the %s step", step).isNotEmpty()
        .allSatisfy(answer -> assertThat(answer.millis()).as("answer time, ms").isLessThanOrEqualTo(HELD_MILLIS))
        .allSatisfy(answer -> assertThat(answer.status() == 201 || answer.status() == 503 && answer.retryAfter())
            .as("status %s", answer).isTrue());
    if (!postgresFrozen) {
      assertThat(answers.stream().filter(answer -> answer.status() == 503).count())
          .as("quotes refused with 503 in the %s step, PostgreSQL not frozen", step)
          .isLessThanOrEqualTo((long) Math.floor(answers.size() * STRAY_REFUSALS));
    }
  }

  private static void recovered(String step, long faultNanos, String detail) {
    String line = String.format("%s: recovered %s s after the fault (%s)", step, format(seconds(faultNanos)), detail);
    recoveries.add(line);
    System.out.println("[chaos] " + line);
  }

  /** Waits for a supply/demand vector newer than {@code eventTime} written to Redis after {@code wallMillis}. */
  private static void awaitFlow(long wallMillis, long eventTime) throws InterruptedException {
    awaitCondition("a feature written after the fault", () -> {
      try {
        for (String key : featureKeys()) {
          if (key.startsWith(SD)) {
            Map<String, String> hash = redis.sync().hgetall(key);
            if (number(hash, SupplyDemandFeatures.UPDATED_AT_FIELD) > wallMillis
                && number(hash, SupplyDemandFeatures.EVENT_TIME_FIELD) > eventTime) {
              return true;
            }
          }
        }
        return false;
      } catch (RuntimeException redisNotBack) {
        return false;
      }
    });
  }

  private static void awaitCondition(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + RECOVERY_TIMEOUT.toNanos();
    while (!safely(condition)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + RECOVERY_TIMEOUT + ": " + what + "; feature-streams log:\n"
            + features.tail());
      }
      Thread.sleep(200);
    }
  }

  /** Waits until each of feature-streams' groups holds one member: the restarted instance under its static id. */
  private static void awaitStaticFeatureGroups() throws InterruptedException {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
      awaitCondition("each of feature-streams' groups held by the restarted instance alone, under its static id: "
          + FEATURE_GROUPS, () -> FEATURE_GROUPS.equals(members(admin)));
    }
  }

  /** The members of feature-streams' groups, each as its static id ("dynamic" without one). */
  private static Map<String, String> members(Admin admin) {
    Map<String, String> members = new TreeMap<>();
    try {
      admin.describeConsumerGroups(FEATURE_GROUPS.keySet()).all().get(10, TimeUnit.SECONDS).forEach(
          (group, description) -> members.put(group, description.members().stream()
              .map(member -> member.groupInstanceId().orElse("dynamic")).sorted()
              .collect(Collectors.joining(","))));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      // not yet: awaitCondition asks again
      throw new IllegalStateException(e);
    }
    return members;
  }

  private static <T> T retrying(Supplier<T> read) throws InterruptedException {
    long deadline = System.nanoTime() + RECOVERY_TIMEOUT.toNanos();
    while (true) {
      try {
        return read.get();
      } catch (RuntimeException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(200);
      }
    }
  }

  private static boolean safely(BooleanSupplier condition) {
    try {
      return condition.getAsBoolean();
    } catch (RuntimeException notYet) {
      return false;
    }
  }

  private static long newestEventTime() {
    long newest = Long.MIN_VALUE;
    for (String key : featureKeys()) {
      if (key.startsWith(SD)) {
        newest = Math.max(newest, number(redis.sync().hgetall(key), SupplyDemandFeatures.EVENT_TIME_FIELD));
      }
    }
    return newest;
  }

  private static Set<String> featureKeys() {
    Set<String> keys = new HashSet<>();
    for (String prefix : List.of(SD, VelocityFeatures.REDIS_KEY_PREFIX)) {
      ScanCursor cursor = ScanCursor.INITIAL;
      do {
        KeyScanCursor<String> page = redis.sync().scan(cursor, ScanArgs.Builder.matches(prefix + "*").limit(1_000));
        keys.addAll(page.getKeys());
        cursor = page;
      } while (!cursor.isFinished());
    }
    return keys;
  }

  private static long number(Map<String, String> hash, String field) {
    String value = hash.get(field);
    return value == null ? Long.MIN_VALUE : Long.parseLong(value);
  }

  private static Map<TopicPartition, Long> deadLetterEnds() {
    try (KafkaConsumer<String, byte[]> consumer = deadLetterConsumer()) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.DEAD_LETTERS.name()).stream()
          .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
      return consumer.endOffsets(partitions);
    }
  }

  /**
   * Each dead letter written since the suite began, as its source record ("topic/partition/offset"; a retried write
   * repeats one), and why.
   */
  private static Map<String, String> deadLetters() {
    Map<String, String> sources = new HashMap<>();
    try (KafkaConsumer<String, byte[]> consumer = deadLetterConsumer()) {
      consumer.assign(deadLettersBefore.keySet());
      deadLettersBefore.forEach(consumer::seek);
      Map<TopicPartition, Long> end = consumer.endOffsets(deadLettersBefore.keySet());
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())
          && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          DeadLetter letter =
              Topics.DEAD_LETTERS.valueSerde().deserializer().deserialize(record.topic(), record.value());
          sources.put(letter.getSourceTopic() + "/" + letter.getSourcePartition() + "/" + letter.getSourceOffset(),
              String.valueOf(letter.getReason()));
        }
      }
    }
    return sources;
  }

  private static KafkaConsumer<String, byte[]> deadLetterConsumer() {
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  private static String bootstrap() {
    return stack.endpoints().kafkaBootstrapServers();
  }

  private static double seconds(long sinceNanos) {
    return (System.nanoTime() - sinceNanos) / 1e9;
  }

  private static String format(double seconds) {
    return String.format("%.1f", seconds);
  }
}
