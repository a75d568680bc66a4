package org.ridemarket.service.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * The PRODUCER span of one record sent to Kafka in a sampled trace ({@code <topic> publish}, from the send to Kafka's
 * answer), whose context the record's {@code traceparent} header carries, so that a consumer continues the trace.
 * Records of traces that are not sampled get no span and cost nothing here.
 */
public final class PublishSpan {

  private static final TextMapSetter<Headers> HEADERS = (headers, key, value) ->
      headers.remove(key).add(key, value.getBytes(StandardCharsets.US_ASCII));

  private final Span span;

  private PublishSpan(Span span) {
    this.span = span;
  }

  /**
   * Starts the span of sending {@code record} as a child of {@code parent} and writes its context into the record's
   * headers (replacing a {@code traceparent} already there).
   *
   * @return the span, or null when {@code parent}'s trace is not sampled (the record is then left as it is)
   */
  public static PublishSpan start(Tracer tracer, Context parent, ProducerRecord<?, ?> record) {
    if (!Span.fromContext(parent).getSpanContext().isSampled()) {
      return null;
    }
    Span span = tracer.spanBuilder(record.topic() + " publish").setParent(parent).setSpanKind(SpanKind.PRODUCER)
        .setAttribute("messaging.system", "kafka").setAttribute("messaging.destination.name", record.topic())
        .startSpan();
    W3CTraceContextPropagator.getInstance().inject(parent.with(span), record.headers(), HEADERS);
    return new PublishSpan(span);
  }

  /** Ends the span with Kafka's answer: an error status when the send failed ({@code failure} not null). */
  public void end(Exception failure) {
    if (failure != null) {
      span.setStatus(StatusCode.ERROR, failure.getMessage());
    }
    span.end();
  }
}
