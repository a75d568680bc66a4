package org.ridemarket.features.supplydemand;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.events.RideRequested;
import org.ridemarket.contracts.features.SupplyDemandFeatures;
import org.ridemarket.contracts.geo.Cells;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.stack.LocalStackTestResource;
import org.ridemarket.topologies.supplydemand.TestEvents;

/** The running app against real Kafka and Redis: ride requests in, the cell's Redis hash out, within seconds. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class SupplyDemandEndToEndTest {

  private static final String CELL = Cells.cellOf(40.7484, -73.9857);

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @ConfigProperty(name = "redis.url")
  String redisUrl;

  @Inject
  MeterRegistry registry;

  @Inject
  KafkaStreams streams;

  @Test
  void shouldWriteACellsRequestsToItsRedisHashWithinSeconds() throws Exception {
    RedisClient client = RedisClient.create(redisUrl);
    try (KafkaProducer<String, RideRequested> producer = producer()) {
      RedisCommands<String, String> redis = client.connect().sync();
      String key = SupplyDemandFeatures.redisKey(CELL);

      double earlyBefore = writes("feature_early_writes", "applied");
      double confirmedBefore = writes("feature_redis_writes", "confirmed");

      // given the app is running (its first transaction may wait for the consumer group to form)
      long firstSent = System.currentTimeMillis();
      send(producer, Instant.ofEpochMilli(firstSent));
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
          .until(() -> redis.hget(key, SupplyDemandFeatures.REQUESTS_1M) != null);
      System.out.printf("[e2e] first vector in Redis %d ms after the first request (includes start-up)%n",
          System.currentTimeMillis() - firstSent);

      // when more requests arrive in the same cell
      for (int i = 0; i < 4; i++) {
        long sent = System.currentTimeMillis();
        send(producer, Instant.ofEpochMilli(sent));
        double expected = i + 2;
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
            .until(() -> Double.parseDouble(redis.hget(key, SupplyDemandFeatures.REQUESTS_1M)) >= expected);
        System.out.printf("[e2e] request %d visible in Redis after %d ms%n", i + 2, System.currentTimeMillis() - sent);
        Thread.sleep(300);
      }

      // then the cell's hash holds the whole vector, with its event time
      Map<String, String> hash = redis.hgetall(key);
      assertThat(Double.parseDouble(hash.get(SupplyDemandFeatures.REQUESTS_1M))).isEqualTo(5.0);
      assertThat(Long.parseLong(hash.get(SupplyDemandFeatures.EVENT_TIME_FIELD))).isGreaterThanOrEqualTo(firstSent);
      assertThat(hash).containsKeys(SupplyDemandFeatures.NAMES.toArray(String[]::new));
      assertThat(redis.pttl(key)).isPositive();

      // and the vectors went to Redis ahead of their commit (ADR 0034): the sink's committed copies found them
      // there, with their event times, and only confirmed them (those an early write superseded were stale)
      assertThat(writes("feature_early_writes", "applied")).isGreaterThan(earlyBefore);
      await().atMost(Duration.ofSeconds(30))
          .until(() -> writes("feature_redis_writes", "confirmed") > confirmedBefore);

      // and once the input stops, the app stops committing: the held-back changes' flush is armed only while a
      // change is held, and every wall-clock punctuation would cost an exactly-once transaction (ADR 0038)
      double[] last = {commits()};
      await().atMost(Duration.ofSeconds(20)).pollDelay(Duration.ofSeconds(1)).pollInterval(Duration.ofSeconds(1))
          .until(() -> {
            double now = commits();
            boolean quiet = now == last[0];
            last[0] = now;
            return quiet;
          });
    } finally {
      client.shutdown();
    }

    Timer freshness = registry.find("feature_freshness").tag("family", "supply_demand").timer();
    assertThat(freshness).isNotNull();
    assertThat(freshness.count()).isPositive();
    for (ValueAtPercentile percentile : freshness.takeSnapshot().percentileValues()) {
      System.out.printf("[e2e] feature_freshness p%.0f = %.0f ms%n", percentile.percentile() * 100,
          percentile.value(TimeUnit.MILLISECONDS));
    }
    given().when().get("/q/health/ready").then().statusCode(200);
    // the app's registry leaves the per-store meters out (MetricsFilter), but not the state updater's
    registry.gauge("kafka.stream.state.end.to.end.probe", 1.0);
    registry.gauge("kafka.stream.state.updater.end.to.end.probe", 1.0);
    given().when().get("/q/metrics").then().statusCode(200)
        .body(not(containsString("kafka_stream_state_end_to_end_probe")))
        .body(containsString("kafka_stream_state_updater_end_to_end_probe"))
        .body(containsString("feature_freshness_seconds"))
        .body(containsString("kafka_consumer_fetch_manager_records_lag_max"))
        // the input interceptor saw the requests (the fields' statistics are NaN until there is a baseline)
        .body(containsString("feature_input_field_mean_shift{field=\"pickup.lat\",topic=\"rides.requests\""))
        // and the sink the vectors it wrote
        .body(containsString("feature_vector_field_mean_shift{family=\"supply_demand\",field=\"requests_1m\""));
  }

  /** The supply/demand application's commits so far (Kafka Streams' own meter, all its stream threads). */
  private double commits() {
    return streams.metrics().values().stream()
        .filter(metric -> metric.metricName().group().equals("stream-thread-metrics")
            && metric.metricName().name().equals("commit-total"))
        .mapToDouble(metric -> ((Number) metric.metricValue()).doubleValue()).sum();
  }

  private double writes(String name, String outcome) {
    var counter = registry.find(name).tags("family", "supply_demand", "outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }

  private void send(KafkaProducer<String, RideRequested> producer, Instant now) throws Exception {
    RideRequested request = TestEvents.rideRequest(CELL, now);
    producer.send(new ProducerRecord<>(Topics.RIDE_REQUESTS.name(), null, now.toEpochMilli(), CELL, request)).get();
  }

  private KafkaProducer<String, RideRequested> producer() {
    return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.LINGER_MS_CONFIG, 0),
        new StringSerializer(), Topics.RIDE_REQUESTS.valueSerde().serializer());
  }
}
