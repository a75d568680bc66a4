package org.ridemarket.archiver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ridemarket.contracts.events.GeoPoint;
import org.ridemarket.contracts.events.PaymentAttempted;
import org.ridemarket.contracts.topics.Topics;

class ArchiveSqlTest {

  static PaymentAttempted payment(int i, Instant at) {
    return PaymentAttempted.newBuilder()
        .setEventId(UUID.nameUUIDFromBytes(("payment-" + i).getBytes(StandardCharsets.UTF_8)))
        .setEventTime(at)
        .setTransactionId("txn_" + i)
        .setCardFingerprint("fp_" + (i % 3))
        .setUserId("usr_" + i)
        .setDeviceId("dev_" + i)
        .setAmountMinor(100L * i)
        .setCurrency("USD")
        .setLocation(new GeoPoint(40.75, -73.99))
        .build();
  }

  // payments 0..count-1 as the consumer would hand them over, from offset firstOffset, stepSeconds apart
  static List<ConsumerRecord<byte[], byte[]>> paymentRecords(TopicPartition partition, long firstOffset, int count,
      Instant first, long stepSeconds) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      PaymentAttempted payment = payment(i, first.plusSeconds(stepSeconds * i));
      records.add(new ConsumerRecord<>(partition.topic(), partition.partition(), firstOffset + i, null,
          Topics.PAYMENTS.valueSerde().serializer().serialize(partition.topic(), payment)));
    }
    return records;
  }

  @Test
  void shouldQueryTheCommittedFilesOfTheRawZoneWithSql(@TempDir Path root) throws Exception {
    RawZone zone = new RawZone(root);
    TopicPartition partition = new TopicPartition(Topics.PAYMENTS.name(), 2);
    // an hour apart from 22:00: two payments on the first day, four on the next
    List<ConsumerRecord<byte[], byte[]>> records =
        paymentRecords(partition, 40, 6, Instant.parse("2026-11-02T22:00:00Z"), 3600);
    records.add(new ConsumerRecord<>(partition.topic(), partition.partition(), 46, null,
        "not avro".getBytes(StandardCharsets.UTF_8)));
    ParquetBatch.Written written = new ParquetBatch(zone)
        .write(partition, records, Topics.PAYMENTS.valueSerde().deserializer());
    zone.commit(partition, 40, 46, records.size(), written.files());

    try (ArchiveSql sql = new ArchiveSql(root)) {
      assertThat(sql.views()).containsExactly("_undecodable", "payments_events");
      assertThat(sql.query("SELECT CAST(date AS VARCHAR), count(*), CAST(sum(amountMinor) AS BIGINT) "
          + "FROM payments_events GROUP BY ALL ORDER BY 1"))
          .containsExactly(List.of("2026-11-02", 2L, 100L), List.of("2026-11-03", 4L, 1400L));
      assertThat(sql.query("SELECT sourceTopic, sourceOffset, reason FROM _undecodable"))
          .containsExactly(List.of("payments.events", 46L, "DESERIALIZATION_FAILED"));

      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      int failures = sql.runScript(new BufferedReader(new StringReader("""
          -- a query file: two statements, one of them wrong
          SELECT count(DISTINCT cardFingerprint) AS cards
            FROM payments_events;
          SELECT nothing FROM nowhere;
          SELECT max(transactionId) AS last FROM payments_events""")),
          new PrintStream(printed, true, StandardCharsets.UTF_8), null);

      assertThat(failures).isEqualTo(1);
      assertThat(printed.toString(StandardCharsets.UTF_8))
          .contains("cards\n3\n(1 rows)")
          .contains("error: ")
          .contains("last\ntxn_5\n(1 rows)");
    }
  }

  @Test
  void shouldRunAQueryFileAndAPromptFromTheCommandLine(@TempDir Path root) throws Exception {
    RawZone zone = new RawZone(root);
    TopicPartition partition = new TopicPartition(Topics.PAYMENTS.name(), 0);
    List<ConsumerRecord<byte[], byte[]>> records =
        paymentRecords(partition, 0, 4, Instant.parse("2026-11-02T12:00:00Z"), 1);
    zone.commit(partition, 0, 3, 4, new ParquetBatch(zone).write(partition, records,
        Topics.PAYMENTS.valueSerde().deserializer()).files());
    Path queries = root.resolve("query.sql");
    java.nio.file.Files.writeString(queries, "SELECT count(*) AS payments FROM payments_events;\n");
    ByteArrayOutputStream fromFile = new ByteArrayOutputStream();
    ByteArrayOutputStream fromPrompt = new ByteArrayOutputStream();

    int fileExit = ArchiverMain.sql(root, new ArrayList<>(List.of("--file", queries.toString())),
        java.io.InputStream.nullInputStream(), new PrintStream(fromFile, true, StandardCharsets.UTF_8));
    int promptExit = ArchiverMain.sql(root, new ArrayList<>(),
        new java.io.ByteArrayInputStream("SELECT sum(amountMinor)\n  AS total FROM payments_events;\n"
            .getBytes(StandardCharsets.UTF_8)), new PrintStream(fromPrompt, true, StandardCharsets.UTF_8));
    int missing = ArchiverMain.sql(root.resolve("nowhere"), new ArrayList<>(), java.io.InputStream.nullInputStream(),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    assertThat(fileExit).isZero();
    assertThat(fromFile.toString(StandardCharsets.UTF_8)).isEqualTo("payments\n4\n(1 rows)\n");
    assertThat(promptExit).isZero();
    assertThat(fromPrompt.toString(StandardCharsets.UTF_8)).contains("views: payments_events")
        .contains("sql> total\n600\n(1 rows)");
    assertThat(missing).isEqualTo(2);
  }
}
