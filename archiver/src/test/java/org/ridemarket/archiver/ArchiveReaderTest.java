package org.ridemarket.archiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ridemarket.archiver.ArchiveSqlTest.paymentRecords;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ridemarket.contracts.events.PaymentAttempted;
import org.ridemarket.contracts.topics.Topics;

class ArchiveReaderTest {

  static final TopicPartition P0 = new TopicPartition(Topics.PAYMENTS.name(), 0);
  static final TopicPartition P2 = new TopicPartition(Topics.PAYMENTS.name(), 2);
  static final Instant EVENING = Instant.parse("2026-11-02T22:00:00Z");

  record Read(int partition, String transactionId, Instant time) {
  }

  @Test
  void shouldReadARangeBackPerPartitionInOffsetOrder(@TempDir Path root) throws Exception {
    RawZone zone = new RawZone(root);
    // partition 2: two batches, a payment an hour, the first spanning midnight (two files), then a third batch
    // inside the range, written but never committed (its .tmp file must not be read); partition 0: one batch
    commit(zone, P2, paymentRecords(P2, 0, 4, EVENING, 3600));
    commit(zone, P2, paymentRecords(P2, 4, 3, EVENING.plusSeconds(4 * 3600), 3600));
    List<ConsumerRecord<byte[], byte[]>> uncommitted = paymentRecords(P2, 7, 2, EVENING.plusSeconds(9000), 60);
    new ParquetBatch(zone).write(P2, uncommitted, Topics.PAYMENTS.valueSerde().deserializer());
    commit(zone, P0, paymentRecords(P0, 0, 2, EVENING.plusSeconds(1800), 3600));

    List<Read> read = new ArrayList<>();
    new ArchiveReader(root).partitions(Topics.PAYMENTS.name(), EVENING.plusSeconds(3600), EVENING.plusSeconds(6 * 3600))
        .forEach((partition, events) -> events.forEachRemaining(event -> read.add(new Read(partition,
            ((PaymentAttempted) event).getTransactionId(), ((PaymentAttempted) event).getEventTime()))));

    // [23:00, 04:00): partition 0's second payment (23:30), partition 2's offsets 1..5 across both dates
    assertThat(read).extracting(Read::partition).containsExactly(0, 2, 2, 2, 2, 2);
    assertThat(read).extracting(Read::transactionId).containsExactly("txn_1", "txn_1", "txn_2", "txn_3", "txn_0",
        "txn_1");
    assertThat(read).extracting(Read::time).allSatisfy(time -> assertThat(time)
        .isBetween(EVENING.plusSeconds(3600), EVENING.plusSeconds(6 * 3600 - 1)));
    assertThat(Files.list(root.resolve("topic=payments.events/date=2026-11-03")))
        .anySatisfy(file -> assertThat(file.toString()).endsWith(RawZone.TMP));
  }

  @Test
  void shouldReadNothingOfATopicNeverArchivedAndRefuseAnEmptyRange(@TempDir Path root) {
    ArchiveReader reader = new ArchiveReader(root);

    assertThat(reader.partitions(Topics.FRAUD_LABELS.name(), EVENING, EVENING.plusSeconds(60))).isEmpty();
    assertThatThrownBy(() -> reader.partitions(Topics.PAYMENTS.name(), EVENING, EVENING))
        .hasMessageContaining("time range is empty");
    assertThatThrownBy(() -> new ArchiveReader(root.resolve("missing"))).hasMessageContaining("no raw zone");
  }

  private static void commit(RawZone zone, TopicPartition partition, List<ConsumerRecord<byte[], byte[]>> records) {
    ParquetBatch.Written written =
        new ParquetBatch(zone).write(partition, records, Topics.PAYMENTS.valueSerde().deserializer());
    zone.commit(partition, records.get(0).offset(), records.get(records.size() - 1).offset(), records.size(),
        written.files());
  }
}
