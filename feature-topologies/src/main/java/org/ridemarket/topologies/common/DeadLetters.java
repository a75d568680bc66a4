package org.ridemarket.topologies.common;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.ridemarket.contracts.events.DeadLetter;
import org.ridemarket.contracts.events.RecordHeader;

/**
 * Builds the dead letters of the feature topologies: the raw record (key, value, timestamp, headers),
 * where it came from, and a reason code with a detail. A withheld record (see {@link InputRules#withheld()}) keeps only where it came
 * from, the reason and the detail, which never repeats a field's value.
 */
public final class DeadLetters {

  /** The application every feature topology runs in, as dead letters name it. */
  public static final String APPLICATION = "feature-streams";
  // The reasons, one per gate, in the order the gates run (feature-topologies/README.md, "Quality gates").
  /** The value is larger than the input's payload limit; it was not decoded. */
  public static final String OVERSIZED = "OVERSIZED";
  /** The value is not a contract event. */
  public static final String DESERIALIZATION_FAILED = "DESERIALIZATION_FAILED";
  /** A field is missing or malformed; the detail starts with the field. */
  public static final String INVALID = "INVALID";
  /** A well-formed value that cannot happen (a speed, an amount); the detail starts with the field. */
  public static final String IMPOSSIBLE_VALUE = "IMPOSSIBLE_VALUE";
  /** A pickup or driver position outside the service area's regions; the detail starts with the field. */
  public static final String OUT_OF_SERVICE_AREA = "OUT_OF_SERVICE_AREA";
  /** The event time is further ahead of the wall clock than the allowed skew. */
  public static final String FUTURE_EVENT_TIME = "FUTURE_EVENT_TIME";
  /** The event time is further behind stream time than the grace. */
  public static final String TOO_LATE = "TOO_LATE";
  /** An event with the same eventId and event time was accepted already, within the grace. */
  public static final String DUPLICATE = "DUPLICATE";

  /** Every reason, in the order the gates run. */
  public static final List<String> REASONS = List.of(OVERSIZED, DESERIALIZATION_FAILED,
      INVALID, IMPOSSIBLE_VALUE, OUT_OF_SERVICE_AREA, FUTURE_EVENT_TIME, TOO_LATE, DUPLICATE);
  /** Ends the detail of a dead letter without key and value. */
  public static final String WITHHELD = " (key and value withheld)";

  private DeadLetters() {
  }

  /**
   * A dead letter for a source record. Its id derives from the source position, so a transaction
   * retried after a crash writes the same id and readers can drop the duplicate. A {@code withheld}
   * record's key and value are left out.
   */
  static DeadLetter of(FixedKeyRecord<String, byte[]> record, RecordMetadata source, long now,
      String reason, String detail, boolean withheld) {
    String position = APPLICATION + "/" + source.topic() + "/" + source.partition() + "/" + source.offset();
    return DeadLetter.newBuilder()
        .setEventId(UUID.nameUUIDFromBytes(position.getBytes(StandardCharsets.UTF_8)))
        .setEventTime(Instant.ofEpochMilli(now))
        .setApplication(APPLICATION)
        .setSourceTopic(source.topic())
        .setSourcePartition(source.partition())
        .setSourceOffset(source.offset())
        .setSourceTimestamp(Instant.ofEpochMilli(record.timestamp()))
        .setKey(withheld || record.key() == null ? null
            : ByteBuffer.wrap(record.key().getBytes(StandardCharsets.UTF_8)))
        .setValue(withheld || record.value() == null ? null : ByteBuffer.wrap(record.value()))
        .setReason(reason)
        .setDetail(withheld ? detail + WITHHELD : detail)
        .setHeaders(withheld ? null : headers(record.headers()))
        .build();
  }

  /** The record's headers in order, so that a replay of the letter restores the record (and its trace) exactly. */
  private static List<RecordHeader> headers(Headers headers) {
    List<RecordHeader> kept = new ArrayList<>();
    for (Header header : headers) {
      kept.add(new RecordHeader(header.key(), header.value() == null ? null : ByteBuffer.wrap(header.value())));
    }
    return kept;
  }

  /**
   * The key a dead letter goes out under: the source record's key, unless the letter withheld it (a
   * topology reading an input whose rules withhold records must re-key its dead letters with this).
   */
  public static String recordKey(String sourceKey, DeadLetter letter) {
    return letter.getKey() == null ? null : sourceKey;
  }
}
