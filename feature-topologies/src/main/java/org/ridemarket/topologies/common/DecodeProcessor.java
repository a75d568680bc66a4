package org.ridemarket.topologies.common;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.ridemarket.contracts.topics.Topic;

/**
 * Turns an input record's bytes into a checked event: undecodable, invalid and too-late records
 * become dead letters instead of exceptions, so no record can stop the app, and an accepted
 * event travels on with its event time as the record timestamp.
 */
final class DecodeProcessor<V> implements FixedKeyProcessor<String, byte[], Decoded<V>> {

  private final Topic<String, V> topic;
  private final InputRules<V> rules;
  private final long graceMillis;
  private final long maxFutureSkewMillis;
  private FixedKeyProcessorContext<String, Decoded<V>> context;

  DecodeProcessor(Topic<String, V> topic, InputRules<V> rules, Duration grace, Duration maxFutureSkew) {
    this.topic = topic;
    this.rules = rules;
    this.graceMillis = grace.toMillis();
    this.maxFutureSkewMillis = maxFutureSkew.toMillis();
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Decoded<V>> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, byte[]> record) {
    V event;
    try {
      event = topic.valueSerde().deserializer().deserialize(topic.name(), record.value());
    } catch (RuntimeException e) {
      reject(record, null, DeadLetters.DESERIALIZATION_FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
      return;
    }
    if (event == null) {
      reject(record, null, DeadLetters.INVALID, "value: missing (a null value is not an event)");
      return;
    }
    String problem = rules.problem().apply(record.key(), event);
    if (problem != null) {
      reject(record, event, DeadLetters.INVALID, problem);
      return;
    }
    long eventTime = rules.eventTime().applyAsLong(event);
    long wallClock = context.currentSystemTimeMs();
    long streamTime = context.currentStreamTimeMs();
    if (eventTime <= 0 || eventTime > wallClock + maxFutureSkewMillis) {
      reject(record, event, DeadLetters.INVALID, "eventTime: " + Instant.ofEpochMilli(eventTime)
          + " is not between the epoch and " + maxFutureSkewMillis + " ms after the wall clock "
          + Instant.ofEpochMilli(wallClock));
    } else if (eventTime < streamTime - graceMillis) {
      reject(record, event, DeadLetters.TOO_LATE, "eventTime: " + Instant.ofEpochMilli(eventTime) + " is "
          + (streamTime - eventTime) + " ms behind stream time " + Instant.ofEpochMilli(streamTime)
          + ", more than the grace of " + graceMillis + " ms");
    } else {
      context.forward(record.withValue(Decoded.accepted(event)).withTimestamp(eventTime));
    }
  }

  /** Forwards the dead letter of a record; {@code event} is null when the value did not decode. */
  private void reject(FixedKeyRecord<String, byte[]> record, V event, String reason, String detail) {
    RecordMetadata source = context.recordMetadata()
        .orElseThrow(() -> new IllegalStateException("a source record without metadata in " + topic.name()));
    boolean withheld = rules.withheld().test(record.key(), event);
    context.forward(record.withValue(Decoded.<V>rejected(
        DeadLetters.of(record, source, context.currentSystemTimeMs(), reason, detail, withheld))));
  }
}
