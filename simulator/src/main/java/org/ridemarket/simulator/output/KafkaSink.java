package org.ridemarket.simulator.output;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends events to Kafka. Keys and values arrive already serialized through the contract's serdes,
 * so the producer only moves bytes; the first failed send fails the next call, and close flushes.
 */
public final class KafkaSink implements EventSink, Callback {

  private final Producer<byte[], byte[]> producer;
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private final AtomicLong acknowledged = new AtomicLong();
  private long sent;

  /** A sink with the simulator's tuned producer for {@code bootstrapServers}, compressing with {@code compression}. */
  public KafkaSink(String bootstrapServers, String compression) {
    this(new KafkaProducer<>(producerConfig(bootstrapServers, compression), new ByteArraySerializer(),
        new ByteArraySerializer()));
  }

  /** A sink over any producer, e.g. a MockProducer in tests. */
  public KafkaSink(Producer<byte[], byte[]> producer) {
    this.producer = producer;
  }

  /** The producer settings: durable (acks=all, idempotent) and batched for throughput. */
  public static Properties producerConfig(String bootstrapServers, String compression) {
    Properties config = new Properties();
    config.putAll(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.CLIENT_ID_CONFIG, "ridemarket-simulator",
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
        ProducerConfig.LINGER_MS_CONFIG, "10",
        ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024),
        ProducerConfig.COMPRESSION_TYPE_CONFIG, compression,
        ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(128L * 1024 * 1024),
        // Without a broker, fail within half a minute instead of blocking the simulation for longer.
        ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000",
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000"));
    return config;
  }

  @Override
  public void accept(EncodedEvent event) {
    rethrowFailure();
    producer.send(
        new ProducerRecord<>(event.topic(), null, event.eventTimeMillis(), event.keyBytes(), event.value()), this);
    sent++;
  }

  @Override
  public void onCompletion(RecordMetadata metadata, Exception exception) {
    if (exception != null) {
      failure.compareAndSet(null, exception);
    } else {
      acknowledged.incrementAndGet();
    }
  }

  @Override
  public void flush() {
    producer.flush();
    rethrowFailure();
  }

  @Override
  public void close() {
    try {
      producer.flush();
    } finally {
      producer.close(Duration.ofSeconds(30));
    }
    rethrowFailure();
    if (acknowledged.get() != sent) {
      throw new IllegalStateException("Kafka acknowledged " + acknowledged.get() + " of " + sent + " events");
    }
  }

  private void rethrowFailure() {
    Exception first = failure.get();
    if (first != null) {
      throw new IllegalStateException("Kafka send failed, events may be lost: " + first.getMessage(), first);
    }
  }
}
