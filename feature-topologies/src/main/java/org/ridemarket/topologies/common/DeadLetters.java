package org.ridemarket.topologies.common;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.ridemarket.contracts.events.DeadLetter;

/**
 * Builds the dead letters of the feature topologies: the raw record, where it came from, and a reason
 * code with a detail. A withheld record (see {@link InputRules#withheld()}) keeps only where it came
 * from, the reason and the detail, which never repeats a field's value.
 */
public final class DeadLetters {

  /** The application every feature topology runs in, as dead letters name it. */
  public static final String APPLICATION = "feature-streams";
  /** The value is not a contract event. */
  public static final String DESERIALIZATION_FAILED = "DESERIALIZATION_FAILED";
  /** A field fails validation; the detail starts with the field. */
  public static final String INVALID = "INVALID";
  /** The event time is further behind stream time than the grace. */
  public static final String TOO_LATE = "TOO_LATE";
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
        .build();
  }

  /**
   * The key a dead letter goes out under: the source record's key, unless the letter withheld it (a
   * topology reading an input whose rules withhold records must re-key its dead letters with this).
   */
  public static String recordKey(String sourceKey, DeadLetter letter) {
    return letter.getKey() == null ? null : sourceKey;
  }
}
