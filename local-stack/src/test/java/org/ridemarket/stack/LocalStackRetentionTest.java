package org.ridemarket.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ridemarket.contracts.topics.Topic;
import org.ridemarket.contracts.topics.Topics;

/** A past-dated run (the simulator's default day is weeks old) keeps its records in the local stack (ADR 0015). */
class LocalStackRetentionTest {

  // The registry's shortest retention is 3 days (drivers.locations); a month is past every one of them.
  private static final Duration RUN_AGE = Duration.ofDays(30);
  private static final String WITNESS = "retention.witness";

  @TempDir
  Path stateDir;

  @Test
  void shouldKeepEveryTopicsPastDatedRecordsWhenRetentionRuns() throws Exception {
    // given a stack whose broker checks retention every half second instead of every 5 minutes, and a
    // witness topic with the registry's own retention (14 days), as a production cluster has it
    StackSettings settings = StackSettings.randomPorts(stateDir).withKafkaConfig(Map.of(
        "log.retention.check.interval.ms", "500", "log.initial.task.delay.ms", "0"));
    try (LocalStack stack = LocalStack.start(settings);
         Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
             stack.endpoints().kafkaBootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(WITNESS, 1, (short) 1).configs(Topics.RIDE_REQUESTS.config())))
          .all().get(30, TimeUnit.SECONDS);

      // when a month-old record goes to partition 0 of every topic, and retention has run (the witness's is gone)
      long eventTime = Instant.now().minus(RUN_AGE).toEpochMilli();
      List<String> topics = Topics.all().stream().map(Topic::name).collect(Collectors.toList());
      topics.add(WITNESS);
      try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.endpoints().kafkaBootstrapServers()),
          new StringSerializer(), new StringSerializer())) {
        for (String topic : topics) {
          producer.send(new ProducerRecord<>(topic, 0, eventTime, "key", "a record of 2026-11-02")).get();
        }
      }
      awaitDeleted(admin, new TopicPartition(WITNESS, 0));

      // then every registry topic still holds its record
      Map<TopicPartition, Long> earliest = offsets(admin, Topics.all(), OffsetSpec.earliest());
      Map<TopicPartition, Long> latest = offsets(admin, Topics.all(), OffsetSpec.latest());
      assertThat(earliest).allSatisfy((partition, offset) -> assertThat(offset).as(partition + " start").isZero());
      assertThat(latest).allSatisfy((partition, offset) -> assertThat(offset).as(partition + " end").isEqualTo(1));
    }
  }

  private static void awaitDeleted(Admin admin, TopicPartition witness) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (earliest(admin, witness) == 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("retention never deleted the witness's month-old record: the test proves nothing");
      }
      Thread.sleep(200);
    }
  }

  private static long earliest(Admin admin, TopicPartition partition) throws Exception {
    return admin.listOffsets(Map.of(partition, OffsetSpec.earliest())).partitionResult(partition)
        .get(10, TimeUnit.SECONDS).offset();
  }

  private static Map<TopicPartition, Long> offsets(Admin admin, List<Topic<?, ?>> topics, OffsetSpec spec)
      throws Exception {
    Map<TopicPartition, OffsetSpec> request = topics.stream()
        .collect(Collectors.toMap(topic -> new TopicPartition(topic.name(), 0), topic -> spec));
    return admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
  }
}
