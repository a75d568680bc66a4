package org.ridemarket.archiver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ridemarket.contracts.events.GeoPoint;
import org.ridemarket.contracts.events.Product;
import org.ridemarket.contracts.events.RideRequested;
import org.ridemarket.contracts.geo.Cells;
import org.ridemarket.contracts.topics.Topic;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.stack.LocalStack;
import org.ridemarket.stack.StackSettings;

/** The archiver against a real broker: a crash mid-way and a restart lose nothing and repeat nothing. */
class ArchiverTest {

  @TempDir
  static Path stateDir;
  static LocalStack stack;

  @BeforeAll
  static void startStack() {
    stack = LocalStack.start(StackSettings.randomPorts(stateDir.resolve("stack")));
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void shouldArchiveEveryRecordExactlyOnceAcrossACrashAndARestart(@TempDir Path root) throws Exception {
    send(0, 300);
    sendPayments(100);
    sendGarbage(Topics.PAYMENTS.name());

    // the first archiver dies in the middle of its first flush: some partitions committed, one committed but
    // not renamed, the others never written
    AtomicInteger commits = new AtomicInteger();
    RawZone crashing = new RawZone(root) {
      @Override
      void afterCommitFile() {
        if (commits.incrementAndGet() == 3) {
          throw new IllegalStateException("crash after the third commit file");
        }
      }
    };
    Throwable crash = runArchiver(crashing, Duration.ofSeconds(20), archiver -> false);
    assertThat(crash).hasMessageContaining("crash after the third commit file");

    send(300, 200);
    Throwable none = runArchiver(new RawZone(root), Duration.ofSeconds(60),
        archiver -> archiver.archivedTotal() >= 1 && rows(root, "rides_requests") == 500
            && rows(root, "payments_events") == 100);
    assertThat(none).isNull();

    try (ArchiveSql sql = new ArchiveSql(root)) {
      assertThat(sql.query("SELECT count(*), count(DISTINCT eventId) FROM rides_requests"))
          .containsExactly(List.of(500L, 500L));
      assertThat(sql.query("SELECT count(*), count(DISTINCT eventId) FROM payments_events"))
          .containsExactly(List.of(100L, 100L));
      assertThat(sql.query("SELECT CAST(date AS VARCHAR), count(*) FROM rides_requests GROUP BY ALL ORDER BY 1"))
          .containsExactly(List.of("2026-11-02", 250L), List.of("2026-11-03", 250L));
      assertThat(sql.query("SELECT sourceTopic, reason FROM _undecodable"))
          .containsExactly(List.of("payments.events", "DESERIALIZATION_FAILED"));
    }
    // and a third start with nothing new archives nothing again
    Throwable idle = runArchiver(new RawZone(root), Duration.ofSeconds(3), archiver -> false);
    assertThat(idle).isNull();
    assertThat(rows(root, "rides_requests")).isEqualTo(500);
  }

  interface Done {
    boolean test(Archiver archiver) throws Exception;
  }

  // Runs an archiver on its own thread until done or the time is up, then stops it; returns what it threw.
  private static Throwable runArchiver(RawZone zone, Duration limit, Done done) throws Exception {
    KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
        ArchiverMain.consumerConfig(stack.endpoints().kafkaBootstrapServers()),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
    Archiver archiver = new Archiver(consumer, zone, ArchiverMain.ARCHIVED,
        new Archiver.Settings(Duration.ofMillis(300), 50), Clock.systemUTC());
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread thread = new Thread(() -> {
      try (consumer) {
        archiver.start();
        archiver.run();
      } catch (Throwable e) {
        thrown.set(e);
      }
    }, "archiver-under-test");
    thread.start();
    Instant deadline = Instant.now().plus(limit);
    while (thread.isAlive() && Instant.now().isBefore(deadline) && !done.test(archiver)) {
      Thread.sleep(500);
    }
    archiver.stop();
    thread.join(30_000);
    assertThat(thread.isAlive()).isFalse();
    return thrown.get();
  }

  private static long rows(Path root, String view) throws Exception {
    try (ArchiveSql sql = new ArchiveSql(root)) {
      return sql.views().contains(view) ? (Long) sql.query("SELECT count(*) FROM " + view).get(0).get(0) : 0;
    } catch (java.sql.SQLException e) {
      return 0; // no file yet
    }
  }

  // rides from index first on, half on 2026-11-02 and half on 2026-11-03 (UTC)
  private static void send(int first, int count) throws Exception {
    try (KafkaProducer<String, RideRequested> producer = producer(Topics.RIDE_REQUESTS)) {
      for (int i = first; i < first + count; i++) {
        double lat = 40.74 + (i % 10) * 0.002;
        double lon = -73.99 + (i % 7) * 0.002;
        String cell = Cells.cellOf(lat, lon);
        Instant at = Instant.parse(i % 2 == 0 ? "2026-11-02T12:00:00Z" : "2026-11-03T12:00:00Z").plusSeconds(i);
        producer.send(new ProducerRecord<>(Topics.RIDE_REQUESTS.name(), cell, RideRequested.newBuilder()
            .setEventId(UUID.nameUUIDFromBytes(("ride-" + i).getBytes(StandardCharsets.UTF_8)))
            .setEventTime(at).setRequestId("req_" + i).setRiderId("usr_" + i)
            .setPickup(new GeoPoint(lat, lon)).setDropoff(new GeoPoint(lat + 0.01, lon))
            .setPickupCell(cell).setProduct(Product.STANDARD).build())).get();
      }
    }
  }

  private static void sendPayments(int count) throws Exception {
    try (KafkaProducer<String, org.ridemarket.contracts.events.PaymentAttempted> producer =
        producer(Topics.PAYMENTS)) {
      for (int i = 0; i < count; i++) {
        var payment = ArchiveSqlTest.payment(i, Instant.parse("2026-11-02T12:00:00Z").plusSeconds(i));
        producer.send(new ProducerRecord<>(Topics.PAYMENTS.name(), payment.getCardFingerprint(), payment)).get();
      }
    }
  }

  private static void sendGarbage(String topic) throws Exception {
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(),
        new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, "k".getBytes(StandardCharsets.UTF_8),
          "not an event".getBytes(StandardCharsets.UTF_8))).get();
    }
  }

  private static <V> KafkaProducer<String, V> producer(Topic<String, V> topic) {
    return new KafkaProducer<>(producerConfig(), topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  private static Properties producerConfig() {
    Properties config = new Properties();
    config.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.endpoints().kafkaBootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, "5"));
    return config;
  }
}
