package org.ridemarket.features.congestion;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.events.DeadLetter;
import org.ridemarket.contracts.events.DriverLocationUpdated;
import org.ridemarket.contracts.events.DriverStatus;
import org.ridemarket.contracts.events.Product;
import org.ridemarket.contracts.events.TripEvent;
import org.ridemarket.contracts.events.TripEventType;
import org.ridemarket.contracts.features.CongestionFeatures;
import org.ridemarket.contracts.features.CongestionSnapshot;
import org.ridemarket.contracts.geo.Cells;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.stack.LocalStackTestResource;
import org.ridemarket.topologies.supplydemand.TestEvents;

/**
 * The running app against real Kafka and Redis: a moving driver's pings and a completed trip in, the
 * cell's congestion hash out, from the congestion Kafka Streams application and its Redis sink.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class CongestionEndToEndTest {

  /** Lower Manhattan: no other test of this module produces there. */
  private static final String CELL = Cells.cellOf(40.7128, -74.0060);

  private final String driver = "cong-" + UUID.randomUUID().toString().substring(0, 8);

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @ConfigProperty(name = "redis.url")
  String redisUrl;

  @Inject
  MeterRegistry registry;

  @Test
  void shouldWriteACellsDriverAndTripSpeedsToItsRedisHash() throws Exception {
    RedisClient client = RedisClient.create(redisUrl);
    try (KafkaProducer<String, byte[]> producer = producer()) {
      RedisCommands<String, String> redis = client.connect().sync();
      String key = CongestionFeatures.redisKey(CELL);

      // given a driver moving at 8 then 12 m/s, parked for a moment, and a trip picked up here at 6 m/s,
      // 45 s ago (within the 2-minute grace)
      Instant start = Instant.now().minusSeconds(45);
      ping(producer, 8.0, start);
      ping(producer, 12.0, start.plusSeconds(5));
      ping(producer, 0.2, start.plusSeconds(7));
      trip(producer, 3_000.0, 500.0, start.plusSeconds(10));

      // when the driver keeps moving at 10 m/s now: stream time crosses 30-s sweeps (every tick keeps the mean
      // at 10, however many it takes for the trip, read by another task, to be in a sweep)
      long firstTick = System.currentTimeMillis();
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
        ping(producer, 10.0, Instant.now());
        Map<String, String> hash = redis.hgetall(key);
        // a sweep may come before the ticks (at the first record the cell's task sees): wait for one after a tick
        return !hash.isEmpty() && Double.parseDouble(hash.get(CongestionFeatures.TRIPS_15M)) == 1.0
            && Double.parseDouble(hash.get(CongestionFeatures.MOVING_PINGS_5M)) >= 3.0;
      });
      System.out.printf("[e2e] congestion hash with the trip and a tick %d ms after the first tick"
          + " (includes start-up and the wait for a 30-s sweep)%n", System.currentTimeMillis() - firstTick);

      // then the cell's hash holds the moving speeds without the parked ping, and the trip's speed
      CongestionSnapshot stored = CongestionSnapshot.fromRedisHash(CELL, redis.hgetall(key));
      assertThat(stored.value(CongestionFeatures.SPEED_5M)).isCloseTo(10.0, within(1e-9));
      assertThat(stored.value(CongestionFeatures.SPEED_15M)).isCloseTo(10.0, within(1e-9));
      assertThat(stored.value(CongestionFeatures.MOVING_PINGS_5M)).isGreaterThanOrEqualTo(3.0);
      assertThat(stored.value(CongestionFeatures.TRIP_SPEED_15M)).isEqualTo(6.0);
      assertThat(stored.value(CongestionFeatures.TRIP_SPEED_60M)).isEqualTo(6.0);
      assertThat(stored.value(CongestionFeatures.TRIPS_60M)).isEqualTo(1.0);
      // a handful of pings teach no free-flow speed, so the index says "no evidence of congestion"
      assertThat(stored.value(CongestionFeatures.FREE_FLOW_SPEED)).isNaN();
      assertThat(stored.value(CongestionFeatures.CONGESTION_INDEX)).isEqualTo(1.0);
      assertThat(stored.eventTime()).isGreaterThanOrEqualTo(start.plusSeconds(10).toEpochMilli());
      assertThat(redis.pttl(key)).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(30).toMillis());
    } finally {
      client.shutdown();
    }

    Timer freshness = registry.find("feature_freshness").tag("family", "congestion").timer();
    assertThat(freshness).isNotNull();
    assertThat(freshness.count()).isPositive();
    given().when().get("/q/health/ready").then().statusCode(200)
        .body(containsString("congestion-streams"))
        .body(containsString("congestion-redis-sink"));
    given().when().get("/q/health/live").then().statusCode(200)
        .body(containsString("congestion-streams"));
    given().when().get("/q/metrics").then().statusCode(200)
        .body(containsString("feature_freshness_seconds_count{family=\"congestion\""))
        // Kafka Streams' own metrics of the congestion application, by its clients' ids
        .body(containsString("client_id=\"feature-streams-congestion-"));
  }

  @Test
  void shouldDeadLetterAPingWhoseSpeedOnlyCongestionRejects() throws Exception {
    // given a ping at 100 m/s: supply/demand takes its position, the congestion rules reject its speed
    try (KafkaProducer<String, byte[]> producer = producer()) {
      ping(producer, 100.0, Instant.now());
    }

    // then the congestion application dead-letters it, naming the field
    List<DeadLetter> mine = new CopyOnWriteArrayList<>();
    try (KafkaConsumer<String, DeadLetter> consumer = deadLetterConsumer()) {
      consumer.subscribe(List.of(Topics.DEAD_LETTERS.name()));
      await().atMost(Duration.ofSeconds(60)).until(() -> {
        for (ConsumerRecord<String, DeadLetter> record : consumer.poll(Duration.ofMillis(200))) {
          if (driver.equals(record.key())) {
            mine.add(record.value());
          }
        }
        return !mine.isEmpty();
      });
    }
    DeadLetter letter = mine.get(0);
    assertThat(letter.getReason()).isEqualTo("IMPOSSIBLE_VALUE");
    assertThat(letter.getDetail()).startsWith("speedMps:");
    assertThat(letter.getSourceTopic()).isEqualTo(Topics.DRIVER_LOCATIONS.name());
    assertThat(new String(letter.getKey().array(), StandardCharsets.UTF_8)).isEqualTo(driver);
  }

  private void ping(KafkaProducer<String, byte[]> producer, double speedMps, Instant eventTime) throws Exception {
    // built field by field: a copying builder's Avro deep copy trips over Quarkus' test class loaders
    DriverLocationUpdated ping = DriverLocationUpdated.newBuilder().setEventId(UUID.randomUUID())
        .setEventTime(eventTime).setDriverId(driver).setPosition(TestEvents.centerOf(CELL)).setCell(CELL)
        .setSpeedMps(speedMps).setHeadingDeg(90).setStatus(DriverStatus.ON_TRIP).build();
    byte[] value = Topics.DRIVER_LOCATIONS.valueSerde().serializer().serialize(Topics.DRIVER_LOCATIONS.name(), ping);
    producer.send(new ProducerRecord<>(Topics.DRIVER_LOCATIONS.name(), null, eventTime.toEpochMilli(), driver,
        value)).get();
  }

  private static void trip(KafkaProducer<String, byte[]> producer, double distanceMeters, double durationSeconds,
      Instant eventTime) throws Exception {
    String id = UUID.randomUUID().toString();
    TripEvent trip = TripEvent.newBuilder().setEventId(UUID.randomUUID()).setEventTime(eventTime)
        .setTripId("trip-" + id).setRequestId("req-" + id).setRiderId("rider-" + id).setDriverId("driver-" + id)
        .setType(TripEventType.COMPLETED).setPickup(TestEvents.centerOf(CELL)).setDropoff(TestEvents.centerOf(CELL))
        .setPickupCell(CELL).setProduct(Product.STANDARD)
        .setDistanceMeters(distanceMeters).setDurationSeconds(durationSeconds).build();
    byte[] value = Topics.TRIP_EVENTS.valueSerde().serializer().serialize(Topics.TRIP_EVENTS.name(), trip);
    producer.send(new ProducerRecord<>(Topics.TRIP_EVENTS.name(), null, eventTime.toEpochMilli(), CELL, value)).get();
  }

  private KafkaProducer<String, byte[]> producer() {
    return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.LINGER_MS_CONFIG, 0),
        new StringSerializer(), new ByteArraySerializer());
  }

  private KafkaConsumer<String, DeadLetter> deadLetterConsumer() {
    return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.GROUP_ID_CONFIG, "congestion-test-" + driver,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
        new StringDeserializer(), Topics.DEAD_LETTERS.valueSerde().deserializer());
  }
}
