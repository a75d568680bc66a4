package org.ridemarket.features.tracing;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.inject.spi.CDI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Continues the trace of each input record that carries a W3C {@code traceparent} header: as Kafka Streams'
 * main consumer reads it, a CONSUMER span ({@code <topic> receive}) is recorded as its child. Quarkus does
 * not instrument Kafka Streams, and a span inside the topology would belong to feature-topologies, which
 * the training replay runs too. Records without the header, or not sampled, cost one header lookup.
 */
public final class InputTraces implements ConsumerInterceptor<byte[], byte[]> {

  static final String HEADER = "traceparent";
  private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Headers headers) {
      return StreamSupport.stream(headers.spliterator(), false).map(Header::key).toList();
    }

    @Override
    public String get(Headers headers, String key) {
      Header header = headers == null ? null : headers.lastHeader(key);
      return header == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
    }
  };

  private Tracer tracer;

  @Override
  public void configure(Map<String, ?> configs) {
    // Kafka makes interceptors, not CDI: the app's tracer (a no-op one while tracing is off) is looked up.
    Tracer found;
    try {
      found = CDI.current().select(Tracer.class).get();
    } catch (RuntimeException | LinkageError e) {
      found = GlobalOpenTelemetry.getTracer("feature-streams");
    }
    tracer = found;
  }

  @Override
  public ConsumerRecords<byte[], byte[]> onConsume(ConsumerRecords<byte[], byte[]> records) {
    for (ConsumerRecord<byte[], byte[]> record : records) {
      if (record.headers().lastHeader(HEADER) != null) {
        continueTrace(record);
      }
    }
    return records;
  }

  private void continueTrace(ConsumerRecord<byte[], byte[]> record) {
    Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), record.headers(), HEADERS);
    if (!Span.fromContext(parent).getSpanContext().isSampled()) {
      return;
    }
    tracer.spanBuilder(record.topic() + " receive").setSpanKind(SpanKind.CONSUMER).setParent(parent)
        .setAttribute("messaging.system", "kafka")
        .setAttribute("messaging.destination.name", record.topic())
        .setAttribute("messaging.destination.partition.id", Integer.toString(record.partition()))
        .setAttribute("messaging.kafka.message.offset", record.offset())
        .startSpan().end();
  }

  @Override
  public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
  }

  @Override
  public void close() {
  }
}
