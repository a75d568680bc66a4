package org.ridemarket.console.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.events.DeadLetter;

class DeadLetterSummaryTest {

  @Test
  void shouldCountPerReasonAndKeepTheLatestExamplesNewestFirst() {
    // given a summary keeping two examples per reason
    DeadLetterSummary summary = new DeadLetterSummary(2);

    // when three late records and one undecodable record arrive
    for (int i = 0; i < 3; i++) {
      summary.add(letter("TOO_LATE", "event time 40 s behind stream time", i));
    }
    summary.add(letter("UNDECODABLE", "not a RideRequested", 9));

    // then the most frequent reason comes first, with its count and its two latest, newest first
    assertThat(summary.reasons()).extracting(DeadLetterSummary.DeadLetterReason::reason)
        .containsExactly("TOO_LATE", "UNDECODABLE");
    DeadLetterSummary.DeadLetterReason late = summary.reasons().get(0);
    assertThat(late.count()).isEqualTo(3);
    assertThat(late.latest()).extracting(DeadLetterSummary.DeadLetterExample::sourceOffset).containsExactly(2L, 1L);
    assertThat(late.latest().get(0).sourceTopic()).isEqualTo("rides.requests");
  }

  @Test
  void shouldNeverShowTheRecordNorAnythingShapedLikeACardNumber() {
    // given a dead letter whose detail and value carry a card number
    DeadLetterSummary summary = new DeadLetterSummary(5);
    summary.add(letter("UNDECODABLE", "field pan=4111 1111 1111 1111 and 4111-1111-1111-1111 rejected", 1));

    // then the example keeps neither the number nor the record's bytes
    DeadLetterSummary.DeadLetterExample example = summary.reasons().get(0).latest().get(0);
    assertThat(example.detail()).isEqualTo("field pan=[digits] and [digits] rejected");
    assertThat(example.toString()).doesNotContain("4111");
  }

  @Test
  void shouldKeepShortNumbersInADetail() {
    assertThat(DeadLetterSummary.mask("speed 93.4 m/s outside 0..70 at offset 123456")).isEqualTo(
        "speed 93.4 m/s outside 0..70 at offset 123456");
  }

  private static DeadLetter letter(String reason, String detail, long offset) {
    return DeadLetter.newBuilder().setEventId(UUID.randomUUID()).setEventTime(Instant.ofEpochMilli(1_000 + offset))
        .setApplication("feature-streams-supply-demand").setSourceTopic("rides.requests").setSourcePartition(0)
        .setSourceOffset(offset).setSourceTimestamp(null).setKey(null)
        .setValue(ByteBuffer.wrap("4111111111111111".getBytes(StandardCharsets.UTF_8)))
        .setReason(reason).setDetail(detail).build();
  }
}
