package org.ridemarket.simulator.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdGeneratorTest {

  @Test
  void shouldMakeVersion4UuidsFromTheSeed() {
    // given two generators with the same seed
    IdGenerator a = new IdGenerator(new SplittableRandom(1));
    IdGenerator b = new IdGenerator(new SplittableRandom(1));

    // then
    for (int i = 0; i < 1_000; i++) {
      UUID id = a.eventId();
      assertThat(id).isEqualTo(b.eventId());
      assertThat(id.version()).isEqualTo(4);
      assertThat(id.variant()).isEqualTo(2);
    }
  }

  @Test
  void shouldMakeFingerprintsThatNeverLookLikeCardNumbers() {
    // given
    IdGenerator ids = new IdGenerator(new SplittableRandom(3));
    Set<String> seen = new HashSet<>();

    // then
    for (int i = 0; i < 100_000; i++) {
      String fingerprint = ids.cardFingerprint();
      assertThat(fingerprint).matches("fp_[0-9a-f]{20}");
      assertThat(IdGenerator.longestDigitRun(fingerprint)).isLessThanOrEqualTo(8);
      seen.add(fingerprint);
    }
    assertThat(seen).hasSize(100_000);
  }

  @Test
  void shouldPrefixHexIds() {
    IdGenerator ids = new IdGenerator(new SplittableRandom(4));
    assertThat(ids.next("drv_", 12)).matches("drv_[0-9a-f]{12}");
    assertThat(ids.next("txn_", 20)).matches("txn_[0-9a-f]{20}");
  }
}
