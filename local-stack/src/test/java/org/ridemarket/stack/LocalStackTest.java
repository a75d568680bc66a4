package org.ridemarket.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.ridemarket.contracts.topics.Topics;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackTest {

  private static final LocalStackTestResource RESOURCE = new LocalStackTestResource();
  private static Map<String, String> config;

  @BeforeAll
  static void startStack() {
    config = RESOURCE.start();
  }

  @AfterAll
  static void stopStack() {
    RESOURCE.stop();
  }

  @Test
  @Order(1)
  void shouldDeliverACompressedRecordThroughACreatedTopic() {
    // given
    String topic = Topics.all().get(0).name();
    String bootstrap = config.get("kafka.bootstrap.servers");

    // when
    // lz4, as the apps use it: the broker must be able to decompress what it validates
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
        new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, "cell-1", "hello")).get();
    } catch (Exception e) {
      throw new AssertionError("cannot produce to " + topic, e);
    }

    // then
    assertThat(consumeOne(bootstrap, topic)).isEqualTo("cell-1=hello");
  }

  @Test
  @Order(2)
  void shouldStoreAndReadAValueInRedis() {
    // given
    RedisClient client = RedisClient.create(config.get("redis.url"));

    // when
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      connection.sync().set("surge:cell-1", "1.4");

      // then
      assertThat(connection.sync().get("surge:cell-1")).isEqualTo("1.4");
    } finally {
      client.shutdown();
    }
  }

  @Test
  @Order(3)
  void shouldCreateInsertAndSelectInPostgres() throws Exception {
    // given
    try (Connection connection = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
        config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
         Statement statement = connection.createStatement()) {

      // when
      statement.execute("create table quote (id text primary key, multiplier numeric not null)");
      statement.execute("insert into quote values ('q-1', 1.4)");

      // then
      try (ResultSet result = statement.executeQuery("select multiplier from quote where id = 'q-1'")) {
        assertThat(result.next()).isTrue();
        assertThat(result.getBigDecimal(1)).isEqualByComparingTo("1.4");
      }
    }
    assertThat(config.get("quarkus.datasource.reactive.url")).startsWith("postgresql://127.0.0.1:");
  }

  @Test
  @Order(4)
  void shouldLeaveNoProcessAndNoPortBehindWhenStopped() {
    // given
    Path stateDir = Path.of(config.get(LocalStackTestResource.STATE_DIR_PROPERTY));
    List<ProcessHandle> servers = StackProcesses.recorded(stateDir);
    List<ProcessHandle> children = ProcessHandle.current().descendants().toList();
    assertThat(servers).hasSize(3).allMatch(ProcessHandle::isAlive);

    // when
    RESOURCE.stop();

    // then
    assertThat(StackProcesses.survivors(servers)).isEmpty();
    assertThat(StackProcesses.survivors(children)).isEmpty();
    assertThat(StackProcesses.using(stateDir)).isEmpty();
    assertThat(List.of(port(config.get("kafka.bootstrap.servers")), port(config.get("redis.url")),
        port(config.get("quarkus.datasource.reactive.url")))).allMatch(StackSettings::isFree);
  }

  private static String consumeOne(String bootstrap, String topic) {
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, "local-stack-test");
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<String> seen = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties,
        new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (seen.isEmpty() && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          seen.add(record.key() + "=" + record.value());
        }
      }
    }
    return seen.isEmpty() ? null : seen.get(0);
  }

  private static int port(String url) {
    return URI.create(url.contains("://") ? url : "kafka://" + url).getPort();
  }
}
