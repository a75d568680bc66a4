package org.ridemarket.simulator.output;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
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
 * A share of the records ({@link #TRACE_RATIO_ENV}, none by default) starts a sampled W3C trace in a
 * {@code traceparent} header, which feature-streams continues; the simulator itself exports no spans.
 */
public final class KafkaSink implements EventSink, Callback {

  /** Environment variable: the share of records that start a trace, e.g. 0.01 (`./stack --traces` sets it). */
  public static final String TRACE_RATIO_ENV = "SIMULATOR_TRACE_RATIO";

  private final Producer<byte[], byte[]> producer;
  private final double traceRatio;
  // Trace ids need no seed: they are not part of the simulated world, which stays deterministic.
  private final SplittableRandom traceIds = new SplittableRandom();
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private final AtomicLong acknowledged = new AtomicLong();
  private long sent;

  /** A sink with the simulator's tuned producer for {@code bootstrapServers}, compressing with {@code compression}. */
  public KafkaSink(String bootstrapServers, String compression, double traceRatio) {
    this(new KafkaProducer<>(producerConfig(bootstrapServers, compression), new ByteArraySerializer(),
        new ByteArraySerializer()), traceRatio);
  }

  /**
   * A sink with the simulator's producer settings but one request in flight, for writing to topics created a
   * moment ago (tests, benchmarks): a first batch may fail there while the partition's leader settles and
   * later batches are appended; with five in flight its retry is then out of sequence for ever
   * ({@code OutOfOrderSequenceException} until the delivery timeout), with one it cannot be.
   */
  public static KafkaSink oneInFlight(String bootstrapServers, String compression) {
    Properties config = producerConfig(bootstrapServers, compression);
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    return new KafkaSink(new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer()));
  }

  /** A sink over any producer, e.g. a MockProducer in tests. */
  public KafkaSink(Producer<byte[], byte[]> producer) {
    this(producer, 0);
  }

  /** A sink over any producer that starts a trace in {@code traceRatio} of its records. */
  public KafkaSink(Producer<byte[], byte[]> producer, double traceRatio) {
    this.producer = producer;
    this.traceRatio = traceRatio;
  }

  /** The trace ratio in {@code environment}, 0 when unset. */
  public static double traceRatio(Map<String, String> environment) {
    String ratio = environment.get(TRACE_RATIO_ENV);
    return ratio == null || ratio.isBlank() ? 0 : Double.parseDouble(ratio.trim());
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
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(event.topic(), null, event.eventTimeMillis(), event.keyBytes(), event.value());
    if (traceRatio > 0 && traceIds.nextDouble() < traceRatio) {
      record.headers().add("traceparent", newTraceparent());
    }
    producer.send(record, this);
    sent++;
  }

  // version 00, a random trace id and parent id (never all zeros), sampled.
  private byte[] newTraceparent() {
    HexFormat hex = HexFormat.of();
    String traceId = hex.toHexDigits(traceIds.nextLong() | 1L) + hex.toHexDigits(traceIds.nextLong());
    String parentId = hex.toHexDigits(traceIds.nextLong() | 1L);
    return ("00-" + traceId + "-" + parentId + "-01").getBytes(StandardCharsets.US_ASCII);
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
