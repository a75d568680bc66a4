package org.ridemarket.features.velocity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.ridemarket.contracts.features.VelocityEntityType.CARD;
import static org.ridemarket.contracts.features.VelocityEntityType.DEVICE;
import static org.ridemarket.contracts.features.VelocityEntityType.USER;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.events.PaymentAttempted;
import org.ridemarket.contracts.features.VelocityEntityType;
import org.ridemarket.contracts.features.VelocityFeatures;
import org.ridemarket.contracts.features.VelocitySnapshot;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.stack.LocalStackTestResource;
import org.ridemarket.topologies.velocity.TestPayments;

/** The running app against real Kafka and Redis: payments in, their card, user and device hashes out. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class VelocityEndToEndTest {

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String card = "fp_" + run;
  private final String user = "user-" + run;
  private final String phone = "phone-" + run;
  private final String laptop = "laptop-" + run;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @ConfigProperty(name = "redis.url")
  String redisUrl;

  @Inject
  MeterRegistry registry;

  @Test
  void shouldWriteEachPaymentsCardUserAndDeviceHashesToRedis() throws Exception {
    RedisClient client = RedisClient.create(redisUrl);
    try (KafkaProducer<String, PaymentAttempted> producer = producer()) {
      RedisCommands<String, String> redis = client.connect().sync();

      // given a card that paid twice from a phone and once from a laptop, within seconds
      long firstSent = System.currentTimeMillis();
      pay(producer, phone, 1_000, Instant.ofEpochMilli(firstSent));
      pay(producer, phone, 2_500, Instant.ofEpochMilli(firstSent + 1));
      pay(producer, laptop, 500, Instant.ofEpochMilli(firstSent + 2));

      // when the app has counted them (its first transaction may wait for the consumer group to form)
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
          .until(() -> count(redis, CARD, card) == 3.0 && count(redis, USER, user) == 3.0
              && count(redis, DEVICE, phone) == 2.0 && count(redis, DEVICE, laptop) == 1.0);
      System.out.printf("[e2e] three payments in their Redis hashes %d ms after the first was produced"
          + " (includes start-up)%n", System.currentTimeMillis() - firstSent);

      // then each hash holds its entity's whole vector, with the last payment's event time
      VelocitySnapshot cardVector = stored(redis, CARD, card);
      assertThat(cardVector.value(VelocityFeatures.AMOUNT_1M)).isEqualTo(4_000.0);
      assertThat(cardVector.value(VelocityFeatures.DISTINCT_DEVICES_24H)).isEqualTo(2.0);
      assertThat(cardVector.eventTime()).isEqualTo(firstSent + 2);
      VelocitySnapshot userVector = stored(redis, USER, user);
      assertThat(userVector.value(VelocityFeatures.DISTINCT_CARDS_24H)).isEqualTo(1.0);
      assertThat(userVector.value(VelocityFeatures.DISTINCT_DEVICES_24H)).isEqualTo(2.0);
      assertThat(stored(redis, DEVICE, phone).value(VelocityFeatures.AMOUNT_24H)).isEqualTo(3_500.0);
      assertThat(stored(redis, DEVICE, laptop).value(VelocityFeatures.AMOUNT_24H)).isEqualTo(500.0);
      // and lives at least as long as the topology remembers the entity (30 days 5 min)
      assertThat(redis.pttl(VelocityFeatures.redisKey(CARD, card)))
          .isGreaterThanOrEqualTo(Duration.ofDays(30).plusMinutes(5).toMillis());
    } finally {
      client.shutdown();
    }

    Timer freshness = registry.find("feature_freshness").tag("family", "velocity").timer();
    assertThat(freshness).isNotNull();
    assertThat(freshness.count()).isPositive();
    given().when().get("/q/health/ready").then().statusCode(200)
        .body(containsString("velocity-redis-sink"))
        .body(containsString("supply-demand-redis-sink"));
    given().when().get("/q/metrics").then().statusCode(200)
        .body(containsString("feature_freshness_seconds_count{family=\"velocity\""));
  }

  private void pay(KafkaProducer<String, PaymentAttempted> producer, String device, long amountMinor,
      Instant eventTime) throws Exception {
    PaymentAttempted payment = TestPayments.payment(card, user, device, amountMinor, eventTime);
    producer.send(new ProducerRecord<>(Topics.PAYMENTS.name(), null, eventTime.toEpochMilli(), card, payment)).get();
  }

  private static double count(RedisCommands<String, String> redis, VelocityEntityType type, String id) {
    String count = redis.hget(VelocityFeatures.redisKey(type, id), VelocityFeatures.COUNT_1M);
    return count == null ? 0.0 : Double.parseDouble(count);
  }

  private static VelocitySnapshot stored(RedisCommands<String, String> redis, VelocityEntityType type, String id) {
    return VelocitySnapshot.fromRedisHash(type, id, redis.hgetall(VelocityFeatures.redisKey(type, id)));
  }

  private KafkaProducer<String, PaymentAttempted> producer() {
    return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.LINGER_MS_CONFIG, 0),
        new StringSerializer(), Topics.PAYMENTS.valueSerde().serializer());
  }
}
