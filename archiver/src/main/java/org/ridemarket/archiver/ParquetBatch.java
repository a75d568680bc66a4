package org.ridemarket.archiver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.ridemarket.contracts.events.DeadLetter;

/**
 * Writes one Kafka partition's batch as in-progress Parquet files, one per event date (UTC), each with the
 * event's contract schema (kept by parquet-avro in the file's {@code parquet.avro.schema} metadata) and the
 * batch's source offsets in its key-value metadata. A record whose value cannot be decoded with the topic's
 * serde is written, bytes and reason, as the contract's {@code DeadLetter} under {@link RawZone#UNDECODABLE}.
 */
final class ParquetBatch {

  /** Key-value metadata of every file: where its rows came from. */
  static final String META_TOPIC = "ridemarket.source.topic";
  static final String META_PARTITION = "ridemarket.source.partition";
  static final String META_FIRST = "ridemarket.source.first-offset";
  static final String META_LAST = "ridemarket.source.last-offset";

  private final RawZone zone;

  ParquetBatch(RawZone zone) {
    this.zone = zone;
  }

  /** What a batch wrote: its files (in progress) and how many records were undecodable. */
  record Written(List<Path> files, long undecodable) {
  }

  /** Decodes and writes the batch; the files are {@link RawZone#inProgress} until the batch is committed. */
  Written write(TopicPartition partition, List<ConsumerRecord<byte[], byte[]>> records, Deserializer<?> values) {
    long first = records.get(0).offset();
    long last = records.get(records.size() - 1).offset();
    Map<Path, List<SpecificRecord>> byFile = new LinkedHashMap<>();
    long undecodable = 0;
    for (ConsumerRecord<byte[], byte[]> record : records) {
      SpecificRecord event;
      String archivedTopic = partition.topic();
      try {
        event = (SpecificRecord) values.deserialize(record.topic(), record.headers(), record.value());
        if (event == null) {
          throw new IllegalArgumentException("a null value (tombstone)");
        }
      } catch (RuntimeException e) {
        event = deadLetter(record, e);
        archivedTopic = RawZone.UNDECODABLE;
        undecodable++;
      }
      Path file = zone.dataFile(archivedTopic, eventDate(event, record), partition, first, last);
      byFile.computeIfAbsent(file, f -> new ArrayList<>()).add(event);
    }
    Map<String, String> metadata = Map.of(META_TOPIC, partition.topic(),
        META_PARTITION, Integer.toString(partition.partition()),
        META_FIRST, Long.toString(first), META_LAST, Long.toString(last));
    List<Path> files = new ArrayList<>();
    byFile.forEach((file, events) -> {
      writeFile(RawZone.inProgress(file), events, metadata);
      files.add(file);
    });
    return new Written(files, undecodable);
  }

  private static void writeFile(Path path, List<SpecificRecord> events, Map<String, String> metadata) {
    Schema schema = events.get(0).getSchema();
    try {
      Files.createDirectories(path.getParent());
      try (ParquetWriter<SpecificRecord> writer = AvroParquetWriter.<SpecificRecord>builder(new LocalOutputFile(path))
          .withConf(new PlainParquetConfiguration())
          .withSchema(schema)
          .withDataModel(SpecificData.getForSchema(schema))
          .withCompressionCodec(CompressionCodecName.ZSTD)
          .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
          .withExtraMetaData(metadata)
          .build()) {
        for (SpecificRecord event : events) {
          writer.write(event);
        }
      }
      RawZone.force(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  // The event date partitions by event time; a record without one (a dead letter's arrival) by its own time.
  private static LocalDate eventDate(SpecificRecord event, ConsumerRecord<byte[], byte[]> record) {
    Schema.Field field = event.getSchema().getField("eventTime");
    Object time = field == null ? null : event.get(field.pos());
    Instant instant = time instanceof Instant at ? at : Instant.ofEpochMilli(record.timestamp());
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }

  private static DeadLetter deadLetter(ConsumerRecord<byte[], byte[]> record, RuntimeException error) {
    String id = record.topic() + "/" + record.partition() + "/" + record.offset();
    return DeadLetter.newBuilder()
        .setEventId(UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)))
        .setEventTime(Instant.ofEpochMilli(record.timestamp()))
        .setApplication("archiver")
        .setSourceTopic(record.topic())
        .setSourcePartition(record.partition())
        .setSourceOffset(record.offset())
        .setSourceTimestamp(Instant.ofEpochMilli(record.timestamp()))
        .setKey(record.key() == null ? null : ByteBuffer.wrap(record.key()))
        .setValue(record.value() == null ? null : ByteBuffer.wrap(record.value()))
        .setReason("DESERIALIZATION_FAILED")
        .setDetail(String.valueOf(error.getMessage()))
        .build();
  }
}
