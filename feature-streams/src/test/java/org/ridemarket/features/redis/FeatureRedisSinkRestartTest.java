package org.ridemarket.features.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ridemarket.stack.LocalStackTestResource;

/**
 * A sink whose Redis goes away and comes back empty (what a restart without persistence looks like) rebuilds every
 * hash from its topic, however long the outage: the chaos suite's Redis step under a loaded machine.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class FeatureRedisSinkRestartTest {

  private static final int KEYS = 20;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @ConfigProperty(name = "redis.url")
  String redisUrl;

  @Test
  void shouldRebuildTheHashesWhenRedisComesBackEmptyAfterAnOutageLongerThanACheck() throws Exception {
    String name = "sink_test_" + UUID.randomUUID().toString().substring(0, 8);
    FeatureFamily<String[]> family = family(name);
    writeTopic(family.topic());
    RedisURI redisUri = RedisURI.create(redisUrl);
    RedisClient client = RedisClient.create(redisUrl);
    RedisCommands<String, String> redis = client.connect().sync();
    List<String> keys = IntStream.range(0, KEYS).mapToObj(i -> name + ":k" + i).toList();
    FeatureRedisSink<String[]> sink;
    try (TcpCut relay = new TcpCut(redisUri.getHost(), redisUri.getPort())) {
      // a short write timeout: a check while Redis is away gives up quickly, as it would under load after 5 s
      sink = new FeatureRedisSink<>(family, new SinkSettings(name, Duration.ofMinutes(5), 500, Duration.ofMillis(300),
          Duration.ofMillis(200), Optional.empty()), new SimpleMeterRegistry(), bootstrapServers,
          "redis://127.0.0.1:" + relay.port());
      sink.start();
      try {
        // given the sink copied the topic into Redis
        await().atMost(Duration.ofSeconds(60)).until(() -> redis.exists(keys.toArray(String[]::new)) == KEYS);

        // when Redis is away for longer than a marker check and its timeout, and comes back without the family
        relay.cut();
        Thread.sleep(3_000);
        redis.del(keys.toArray(String[]::new));
        redis.del(ForwardOnlyRedisWriter.markerKey(family));
        relay.restore();

        // then every hash is back, from a re-read of the topic
        await().atMost(Duration.ofSeconds(30)).until(() -> redis.exists(keys.toArray(String[]::new)) == KEYS);
        await().atMost(Duration.ofSeconds(10)).until(() -> sink.lastFailure() == null);
        assertThat(redis.hget(keys.get(0), "event_time")).isEqualTo("1000");
      } finally {
        sink.stop();
      }
    } finally {
      redis.del(keys.toArray(String[]::new));
      redis.del(ForwardOnlyRedisWriter.markerKey(family));
      client.shutdown();
    }
  }

  /** Vectors "key,eventTime" into hashes {@code {name}:{key}}. */
  private static FeatureFamily<String[]> family(String name) {
    return new FeatureFamily<>(name, name.replace('_', '-'),
        value -> new String(value, StandardCharsets.UTF_8).split(","),
        vector -> name + ":" + vector[0],
        vector -> Long.parseLong(vector[1]),
        "event_time",
        (vector, now) -> Map.of("event_time", vector[1], "updated_at", Long.toString(now)));
  }

  private void writeTopic(String topic) throws Exception {
    Properties properties = new Properties();
    properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    try (Admin admin = Admin.create(properties)) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, byte[]> producer =
             new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < KEYS; i++) {
        producer.send(new ProducerRecord<>(topic, "k" + i, ("k" + i + ",1000").getBytes(StandardCharsets.UTF_8)));
      }
      producer.flush();
    }
  }
}
