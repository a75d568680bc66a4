package org.ridemarket.simulator.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.MemoryRecordsBuilder;
import org.apache.kafka.common.record.Record;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class KafkaSinkTest {

  private static final EncodedEvent EVENT =
      new EncodedEvent("rides.requests", "882a100d63fffff", "882a100d63fffff".getBytes(), new byte[] {1, 2, 3}, 42L);

  @Test
  void shouldSendKeyValueAndEventTimeAndWaitForAcknowledgementsOnClose() {
    // given a producer that completes sends on its own
    MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(),
        new ByteArraySerializer());
    KafkaSink sink = new KafkaSink(producer);

    // when
    sink.accept(EVENT);
    sink.close();

    // then
    assertThat(producer.history()).singleElement().satisfies(record -> {
      assertThat(record.topic()).isEqualTo("rides.requests");
      assertThat(record.key()).isEqualTo(EVENT.keyBytes());
      assertThat(record.value()).isEqualTo(EVENT.value());
      assertThat(record.timestamp()).isEqualTo(42L);
    });
    assertThat(producer.closed()).isTrue();
  }

  @Test
  void shouldFailLoudlyOnceASendFailed() {
    // given a producer whose first send fails
    MockProducer<byte[], byte[]> producer = new MockProducer<>(false, null, new ByteArraySerializer(),
        new ByteArraySerializer());
    KafkaSink sink = new KafkaSink(producer);
    sink.accept(EVENT);

    // when
    producer.errorNext(new TimeoutException("broker gone"));

    // then
    assertThatThrownBy(() -> sink.accept(EVENT)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("broker gone");
  }

  @Test
  void shouldConfigureADurableBatchingProducerWithAWorkingLz4() {
    // given
    var config = KafkaSink.producerConfig("localhost:9092", "lz4");

    // then
    assertThat(config).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
        .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true")
        .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4")
        .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
    // and lz4 batches round-trip with the lz4 library on this classpath (the BOM replaces kafka's own)
    MemoryRecordsBuilder builder = MemoryRecords.builder(ByteBuffer.allocate(64 * 1024),
        RecordBatch.CURRENT_MAGIC_VALUE, Compression.lz4().build(), TimestampType.CREATE_TIME, 0L);
    for (int i = 0; i < 100; i++) {
      builder.append(i, ("key" + i).getBytes(), ("value value value " + i).getBytes());
    }
    MemoryRecords records = builder.build();
    assertThat(records.batches().iterator().next().compressionType()).isEqualTo(CompressionType.LZ4);
    List<String> values = new ArrayList<>();
    for (Record record : records.records()) {
      byte[] value = new byte[record.valueSize()];
      record.value().get(value);
      values.add(new String(value));
    }
    assertThat(values).hasSize(100).startsWith("value value value 0").endsWith("value value value 99");
  }

  @Test
  void shouldStartASampledTraceInEveryRecordAtRatioOneAndInNoneByDefault() {
    // given a sink tracing every record and one tracing none
    MockProducer<byte[], byte[]> traced = new MockProducer<>(true, null, new ByteArraySerializer(),
        new ByteArraySerializer());
    MockProducer<byte[], byte[]> plain = new MockProducer<>(true, null, new ByteArraySerializer(),
        new ByteArraySerializer());

    // when
    try (KafkaSink sink = new KafkaSink(traced, 1.0)) {
      sink.accept(EVENT);
      sink.accept(EVENT);
    }
    try (KafkaSink sink = new KafkaSink(plain)) {
      sink.accept(EVENT);
    }

    // then each traced record starts its own W3C trace, sampled
    List<String> traceparents = traced.history().stream()
        .map(record -> new String(record.headers().lastHeader("traceparent").value())).toList();
    assertThat(traceparents).hasSize(2).doesNotHaveDuplicates()
        .allMatch(traceparent -> traceparent.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"));
    assertThat(plain.history()).singleElement()
        .satisfies(record -> assertThat(record.headers().lastHeader("traceparent")).isNull());
  }
}
