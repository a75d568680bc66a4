package org.ridemarket.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ridemarket.contracts.events.DeadLetter;
import org.ridemarket.contracts.events.RecordHeader;
import org.ridemarket.contracts.topics.Topics;

/**
 * The dead-letter replay against a real broker (the project's local stack): a dry run changes nothing,
 * a replay restores the chosen records exactly, once, and only --force replays a letter again.
 */
class DeadLetterReplayTest {

  @TempDir
  static Path stateDir;
  private static LocalStack stack;

  private static final Instant WRITTEN = Instant.parse("2026-12-02T10:00:00Z");
  private static final Instant EVENT_TIME = Instant.parse("2026-12-02T09:59:58Z");
  private static final byte[] VALUE = {(byte) 0xc3, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 42};
  private static final UUID INVALID_ID = UUID.randomUUID();

  @BeforeAll
  static void startStackWithDeadLetters() throws Exception {
    stack = LocalStack.start(StackSettings.randomPorts(stateDir));
    // a request rejected by both feature apps (one letter id), a ping outside the service area, a payment
    // whose letter withheld key and value, and a letter an hour later
    send(letter(INVALID_ID, "INVALID", "rides.requests", 3, 117, WRITTEN, VALUE,
        List.of(new RecordHeader("traceparent", ByteBuffer.wrap("00-abc-def-01".getBytes(StandardCharsets.UTF_8))))));
    send(letter(INVALID_ID, "INVALID", "rides.requests", 3, 117, WRITTEN.plusMillis(5), VALUE, List.of()));
    send(letter(UUID.randomUUID(), "OUT_OF_SERVICE_AREA", "drivers.locations", 1, 9, WRITTEN, VALUE, List.of()));
    send(letter(UUID.randomUUID(), "INVALID", "payments.events", 0, 4, WRITTEN, null, null));
    send(letter(UUID.randomUUID(), "INVALID", "rides.requests", 2, 50, WRITTEN.plus(Duration.ofHours(1)), VALUE,
        List.of()));
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void shouldListWithoutWritingThenReplayOnceExactlyAndAgainOnlyWhenForced() throws Exception {
    DeadLetterSelection invalidRequestsAtTen = DeadLetterSelection.parse(List.of("--reason", "INVALID",
        "--topic", "rides.requests", "--from", "2026-12-02T09:30:00Z", "--to", "2026-12-02T10:30:00Z"));

    // when the selection is listed (a dry run)
    DeadLetterReplay.Report dryRun = replay().run(invalidRequestsAtTen, false, false);

    // then the letter written by both apps counts once, and nothing is written anywhere
    assertThat(dryRun).isEqualTo(new DeadLetterReplay.Report(5, 1, 0, 0, 0, Map.of("INVALID", 1)));
    assertThat(records("rides.requests", 3)).isEmpty();
    assertThat(records(Topics.DEAD_LETTER_REPLAYS.name(), 0)).isEmpty();

    // when it is replayed
    DeadLetterReplay.Report replayed = replay().run(invalidRequestsAtTen, true, false);

    // then the record is back in its partition as it was (key, value, timestamp, headers), naming its letter,
    // and the ledger holds the letter
    assertThat(replayed.replayed()).isEqualTo(1);
    ConsumerRecord<byte[], byte[]> restored = records("rides.requests", 3).get(0);
    assertThat(restored.key()).isEqualTo("882a100d65fffff".getBytes(StandardCharsets.UTF_8));
    assertThat(restored.value()).isEqualTo(VALUE);
    assertThat(restored.timestamp()).isEqualTo(EVENT_TIME.toEpochMilli());
    assertThat(restored.headers().toArray()).extracting(Header::key)
        .containsExactly("traceparent", DeadLetterReplay.REPLAY_HEADER);
    assertThat(restored.headers().lastHeader("traceparent").value()).asString(StandardCharsets.UTF_8)
        .isEqualTo("00-abc-def-01");
    assertThat(restored.headers().lastHeader(DeadLetterReplay.REPLAY_HEADER).value())
        .asString(StandardCharsets.UTF_8).isEqualTo(INVALID_ID.toString());
    assertThat(records(Topics.DEAD_LETTER_REPLAYS.name(), 0)).singleElement()
        .satisfies(entry -> assertThat(entry.key()).asString(StandardCharsets.UTF_8).isEqualTo(INVALID_ID.toString()));

    // when the same replay runs again, it replays nothing; forced, it replays the letter a second time
    assertThat(replay().run(invalidRequestsAtTen, true, false))
        .isEqualTo(new DeadLetterReplay.Report(5, 1, 0, 1, 0, Map.of("INVALID", 1)));
    assertThat(records("rides.requests", 3)).hasSize(1);
    assertThat(replay().run(invalidRequestsAtTen, true, true).replayed()).isEqualTo(1);
    assertThat(records("rides.requests", 3)).hasSize(2);
  }

  @Test
  void shouldSelectByReasonAndOffsetsAndNeverRestoreAWithheldLetter() {
    DeadLetterSelection everything = DeadLetterSelection.all();
    DeadLetterSelection outside = DeadLetterSelection.parse(List.of("--reason", "OUT_OF_SERVICE_AREA"));
    DeadLetterSelection payments = DeadLetterSelection.parse(List.of("--offsets", "3-4"));

    assertThat(replay().run(everything, false, false).selectedByReason()).containsEntry("INVALID", 3)
        .containsEntry("OUT_OF_SERVICE_AREA", 1);
    assertThat(replay().run(outside, false, false)).isEqualTo(
        new DeadLetterReplay.Report(5, 1, 0, 0, 0, Map.of("OUT_OF_SERVICE_AREA", 1)));
    assertThat(replay().run(payments, true, false)).isEqualTo(
        new DeadLetterReplay.Report(5, 1, 0, 0, 1, Map.of("INVALID", 1)));
  }

  @Test
  void shouldRefuseABadOptionNamingIt() {
    assertThatThrownBy(() -> DeadLetterSelection.parse(List.of("--from", "yesterday")))
        .hasMessageStartingWith("--from: 'yesterday' is not an ISO-8601 instant");
    assertThatThrownBy(() -> DeadLetterSelection.parse(List.of("--offsets", "9-3")))
        .hasMessageStartingWith("--offsets: '9-3' is not FROM-TO");
    assertThatThrownBy(() -> DeadLetterSelection.parse(List.of("--reasons", "INVALID")))
        .hasMessage("--reasons: not an option of dead-letters");
    assertThat(DeadLetterSelection.parse(List.of("--reason", "INVALID,TOO_LATE", "--replay")).reasons())
        .isEqualTo(Set.of("INVALID", "TOO_LATE"));
  }

  private static DeadLetterReplay replay() {
    return new DeadLetterReplay(stack.endpoints().kafkaBootstrapServers(),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Clock.systemUTC());
  }

  private static DeadLetter letter(UUID id, String reason, String topic, int partition, long offset, Instant written,
      byte[] value, List<RecordHeader> headers) {
    return DeadLetter.newBuilder().setEventId(id).setEventTime(written).setApplication("feature-streams")
        .setSourceTopic(topic).setSourcePartition(partition).setSourceOffset(offset).setSourceTimestamp(EVENT_TIME)
        .setKey(value == null ? null : ByteBuffer.wrap("882a100d65fffff".getBytes(StandardCharsets.UTF_8)))
        .setValue(value == null ? null : ByteBuffer.wrap(value)).setReason(reason).setDetail(reason + " detail")
        .setHeaders(headers).build();
  }

  private static void send(DeadLetter letter) throws Exception {
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.endpoints().kafkaBootstrapServers()),
        new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(Topics.DEAD_LETTERS.name(), null,
          Topics.DEAD_LETTERS.valueSerde().serializer().serialize(Topics.DEAD_LETTERS.name(), letter))).get();
    }
  }

  private static List<ConsumerRecord<byte[], byte[]>> records(String topic, int partition) {
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.endpoints().kafkaBootstrapServers(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition tp = new TopicPartition(topic, partition);
      consumer.assign(List.of(tp));
      consumer.seekToBeginning(List.of(tp));
      long end = consumer.endOffsets(List.of(tp)).get(tp);
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      while (consumer.position(tp) < end) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }
}
