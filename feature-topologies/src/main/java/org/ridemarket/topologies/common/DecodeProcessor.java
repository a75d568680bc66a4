package org.ridemarket.topologies.common;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.ridemarket.contracts.topics.Topic;

/**
 * Turns an input record's bytes into a checked event: every quality gate's failure becomes a dead
 * letter with the gate's reason instead of an exception, so no record can stop the app, and an
 * accepted event travels on with its event time as the record timestamp. Accepted events are
 * remembered by event time and id for the grace, which is exactly as long as a duplicate could still
 * pass the lateness gate.
 */
final class DecodeProcessor<V> implements FixedKeyProcessor<String, byte[], Decoded<V>> {

  private static final byte[] SEEN = new byte[0];

  private final Topic<String, V> topic;
  private final InputRules<V> rules;
  private final long graceMillis;
  private final long maxFutureSkewMillis;
  private final String eventIdStore;
  private FixedKeyProcessorContext<String, Decoded<V>> context;
  private KeyValueStore<Bytes, byte[]> eventIds;

  DecodeProcessor(Topic<String, V> topic, InputRules<V> rules, Duration grace, Duration maxFutureSkew,
      String eventIdStore) {
    this.topic = topic;
    this.rules = rules;
    this.graceMillis = grace.toMillis();
    this.maxFutureSkewMillis = maxFutureSkew.toMillis();
    this.eventIdStore = eventIdStore;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Decoded<V>> context) {
    this.context = context;
    this.eventIds = context.getStateStore(eventIdStore);
    // stream time, not the wall clock: a replay forgets ids exactly when the live run did
    context.schedule(Duration.ofMillis(Math.max(1_000, graceMillis / 2)), PunctuationType.STREAM_TIME,
        this::forgetBefore);
  }

  @Override
  public void process(FixedKeyRecord<String, byte[]> record) {
    if (record.value() != null && record.value().length > rules.maxPayloadBytes()) {
      reject(record, null, DeadLetters.OVERSIZED, "value: " + record.value().length + " bytes, more than the "
          + rules.maxPayloadBytes() + " bytes an event of " + topic.name() + " may have");
      return;
    }
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
    String reason = DeadLetters.INVALID;
    String problem = rules.invalid().apply(record.key(), event);
    if (problem == null) {
      reason = DeadLetters.IMPOSSIBLE_VALUE;
      problem = rules.impossible().apply(event);
    }
    if (problem == null) {
      reason = DeadLetters.OUT_OF_SERVICE_AREA;
      problem = rules.outsideArea().apply(event);
    }
    if (problem != null) {
      reject(record, event, reason, problem);
      return;
    }
    long eventTime = rules.eventTime().applyAsLong(event);
    long wallClock = context.currentSystemTimeMs();
    long streamTime = context.currentStreamTimeMs();
    if (eventTime <= 0) {
      reject(record, event, DeadLetters.INVALID, "eventTime: " + Instant.ofEpochMilli(eventTime)
          + " is not after the epoch");
    } else if (eventTime > wallClock + maxFutureSkewMillis) {
      reject(record, event, DeadLetters.FUTURE_EVENT_TIME, "eventTime: " + Instant.ofEpochMilli(eventTime)
          + " is more than " + maxFutureSkewMillis + " ms after the wall clock " + Instant.ofEpochMilli(wallClock));
    } else if (eventTime < streamTime - graceMillis) {
      reject(record, event, DeadLetters.TOO_LATE, "eventTime: " + Instant.ofEpochMilli(eventTime) + " is "
          + (streamTime - eventTime) + " ms behind stream time " + Instant.ofEpochMilli(streamTime)
          + ", more than the grace of " + graceMillis + " ms");
    } else {
      UUID id = rules.eventId().apply(event);
      Bytes seenKey = seenKey(eventTime, id);
      if (eventIds.get(seenKey) != null) {
        reject(record, event, DeadLetters.DUPLICATE, "eventId: " + id + " at " + Instant.ofEpochMilli(eventTime)
            + " was accepted already from " + topic.name());
        return;
      }
      eventIds.put(seenKey, SEEN);
      context.forward(record.withValue(Decoded.accepted(event)).withTimestamp(eventTime));
    }
  }

  /**
   * The remembered ids of events more than the grace behind stream time go: their duplicates are TOO_LATE.
   * Keys start with the event time, big-endian, so the oldest come first and the scan stops at the first
   * id still needed.
   */
  private void forgetBefore(long streamTime) {
    long cutoff = streamTime - graceMillis;
    List<Bytes> expired = new ArrayList<>();
    try (KeyValueIterator<Bytes, byte[]> all = eventIds.all()) {
      while (all.hasNext()) {
        KeyValue<Bytes, byte[]> next = all.next();
        if (ByteBuffer.wrap(next.key.get()).getLong() >= cutoff) {
          break;
        }
        expired.add(next.key);
      }
    }
    expired.forEach(eventIds::delete);
  }

  /** 8 bytes of event time (big-endian, positive, so byte order is time order) and the 16 bytes of the id. */
  static Bytes seenKey(long eventTime, UUID id) {
    return Bytes.wrap(ByteBuffer.allocate(24).putLong(eventTime)
        .putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array());
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
