package org.ridemarket.stack;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.ridemarket.contracts.events.DeadLetter;
import org.ridemarket.contracts.events.RecordHeader;
import org.ridemarket.contracts.topics.Topic;
import org.ridemarket.contracts.topics.Topics;

/**
 * The {@code dead-letters} command: lists the selected dead letters (a dry run) or writes each back to
 * its source topic as it was (same partition, key, value, timestamp and headers, plus a header naming the
 * letter), after the bug that rejected it was fixed. Every replay goes into the ledger topic
 * {@code features.dead-letters.replayed} in the same Kafka transaction as the restored record, so a letter
 * is replayed once even across crashed or repeated runs, unless forced. The topologies judge a replayed
 * record again like any other: it counts only if it now passes every gate, lateness included.
 */
final class DeadLetterReplay {

  /** The header a replayed record carries: the id of the dead letter it was restored from. */
  static final String REPLAY_HEADER = "ridemarket-replay-of";
  /** One transactional id: a second replay running at once fences the first instead of racing it. */
  static final String TRANSACTIONAL_ID = "ridemarket-dead-letter-replay";
  private static final Duration READABLE_WAIT = Duration.ofSeconds(10);

  /** What a run found and did. */
  record Report(int scanned, int selected, int replayed, int alreadyReplayed, int notRestorable,
      Map<String, Integer> selectedByReason) {
  }

  private final String bootstrapServers;
  private final PrintStream out;
  private final Clock clock;

  DeadLetterReplay(String bootstrapServers, PrintStream out, Clock clock) {
    this.bootstrapServers = bootstrapServers;
    this.out = out;
    this.clock = clock;
  }

  /**
   * Reads the dead-letter topic to its current end and lists (dry run) or replays the selected letters.
   * A letter written by two applications for the same source record (same id) counts once.
   */
  Report run(DeadLetterSelection selection, boolean replay, boolean force) {
    Set<String> ledger = new HashSet<>();
    readToEnd(Topics.DEAD_LETTER_REPLAYS, (offset, letter) -> ledger.add(letter.getEventId().toString()));
    Set<String> seen = new HashSet<>();
    List<DeadLetter> toReplay = new ArrayList<>();
    Map<String, Integer> byReason = new TreeMap<>();
    int[] counts = new int[4]; // scanned, selected, already replayed, not restorable
    readToEnd(Topics.DEAD_LETTERS, (offset, letter) -> {
      counts[0]++;
      if (!selection.matches(offset, letter) || !seen.add(letter.getEventId().toString())) {
        return;
      }
      counts[1]++;
      byReason.merge(letter.getReason(), 1, Integer::sum);
      String state;
      if (letter.getValue() == null) {
        counts[3]++;
        state = "not restorable: no value (withheld or null)";
      } else if (ledger.contains(letter.getEventId().toString()) && !force) {
        counts[2]++;
        state = "replayed already (--force replays it again)";
      } else {
        toReplay.add(letter);
        state = replay ? "replaying" : "would replay";
      }
      out.printf("[dead-letters] @%d %s %s %s p%d@%d: %s -- %s%n", offset, letter.getEventTime(), letter.getReason(),
          letter.getSourceTopic(), letter.getSourcePartition(), letter.getSourceOffset(), letter.getDetail(), state);
    });
    int replayed = replay && !toReplay.isEmpty() ? replay(toReplay) : 0;
    Report report = new Report(counts[0], counts[1], replayed, counts[2], counts[3], byReason);
    out.printf("[dead-letters] scanned %d, selected %d %s: %s %d, replayed already %d, not restorable %d%n",
        report.scanned(), report.selected(), report.selectedByReason(), replay ? "replayed" : "would replay",
        replay ? replayed : toReplay.size(), report.alreadyReplayed(), report.notRestorable());
    return report;
  }

  /** Restores the letters and records each in the ledger, all in one transaction. */
  private int replay(List<DeadLetter> letters) {
    List<RecordMetadata> written = new ArrayList<>();
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      producer.initTransactions();
      producer.beginTransaction();
      try {
        for (DeadLetter letter : letters) {
          written.add(producer.send(restored(letter)).get());
        }
        for (int i = 0; i < letters.size(); i++) {
          DeadLetter letter = letters.get(i);
          RecordMetadata at = written.get(i);
          DeadLetter entry = DeadLetter.newBuilder(letter).setEventTime(clock.instant()).setKey(null).setValue(null)
              .setHeaders(null).setDetail("replayed to " + at.topic() + " p" + at.partition() + "@" + at.offset())
              .build();
          String id = letter.getEventId().toString();
          written.add(producer.send(new ProducerRecord<>(Topics.DEAD_LETTER_REPLAYS.name(),
              id.getBytes(StandardCharsets.UTF_8),
              Topics.DEAD_LETTER_REPLAYS.valueSerde().serializer().serialize(Topics.DEAD_LETTER_REPLAYS.name(), entry)))
              .get());
          out.printf("[dead-letters] replayed %s to %s p%d@%d%n", id, at.topic(), at.partition(), at.offset());
        }
        producer.commitTransaction();
      } catch (ExecutionException e) {
        producer.abortTransaction();
        throw new IllegalStateException("replay aborted, nothing was replayed: " + e.getCause().getMessage(), e);
      } catch (InterruptedException e) {
        producer.abortTransaction();
        Thread.currentThread().interrupt();
        throw new IllegalStateException("replay interrupted, nothing was replayed", e);
      }
    }
    awaitReadable(written);
    return letters.size();
  }

  /** The source record as it was, with one more header naming the letter. */
  static ProducerRecord<byte[], byte[]> restored(DeadLetter letter) {
    RecordHeaders headers = new RecordHeaders();
    if (letter.getHeaders() != null) {
      for (RecordHeader header : letter.getHeaders()) {
        headers.add(header.getKey(), bytes(header.getValue()));
      }
    }
    headers.add(REPLAY_HEADER, letter.getEventId().toString().getBytes(StandardCharsets.UTF_8));
    return new ProducerRecord<>(letter.getSourceTopic(), letter.getSourcePartition(),
        letter.getSourceTimestamp() == null ? null : letter.getSourceTimestamp().toEpochMilli(),
        bytes(letter.getKey()), bytes(letter.getValue()), headers);
  }

  /**
   * Waits until the committed records can be read. commitTransaction returns once the broker has decided the
   * commit; the records become readable when it has written the transaction's markers, a moment later. A run right
   * after this one must see the ledger (or it would replay the letters again), and a reader the restored records.
   */
  private void awaitReadable(List<RecordMetadata> written) {
    Map<TopicPartition, Long> needed = new HashMap<>();
    for (RecordMetadata at : written) {
      needed.merge(new TopicPartition(at.topic(), at.partition()), at.offset() + 1, Math::max);
    }
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      long deadline = System.nanoTime() + READABLE_WAIT.toNanos();
      while (true) {
        Map<TopicPartition, Long> end = consumer.endOffsets(needed.keySet());
        if (needed.entrySet().stream().allMatch(partition -> end.get(partition.getKey()) >= partition.getValue())) {
          return;
        }
        if (System.nanoTime() > deadline) {
          out.printf("[dead-letters] committed, but not readable after %d s; a run started now may not see it yet%n",
              READABLE_WAIT.toSeconds());
          return;
        }
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Calls {@code each} with every record of the topic up to its end when called, decoded, in offset order per partition. */
  private void readToEnd(Topic<String, DeadLetter> topic, BiConsumer<Long, DeadLetter> each) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
          .map(info -> new TopicPartition(topic.name(), info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
            each.accept(record.offset(), topic.valueSerde().deserializer().deserialize(topic.name(), record.value()));
          }
        }
      }
    }
  }

  private static byte[] bytes(ByteBuffer buffer) {
    if (buffer == null) {
      return null;
    }
    ByteBuffer copy = buffer.duplicate();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return bytes;
  }

  private KafkaConsumer<byte[], byte[]> consumer() {
    return new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        // an aborted replay's ledger entries must not count, nor letters of an aborted feature-streams transaction
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private KafkaProducer<byte[], byte[]> producer() {
    return new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.TRANSACTIONAL_ID_CONFIG, TRANSACTIONAL_ID,
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
        new ByteArraySerializer(), new ByteArraySerializer());
  }
}
