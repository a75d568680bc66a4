package org.ridemarket.service.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ridemarket.service.pool.WorkRefusedException;
import org.ridemarket.service.sql.NotRecordedException;

class LateRefusalsTest {

  @Test
  void shouldQuietOnlyTheServingCoresOwnRefusals() {
    assertThat(LateRefusals.isLateRefusal(new WorkRefusedException("the deadline passed before a worker was free")))
        .isTrue();
    assertThat(LateRefusals.isLateRefusal(new NotRecordedException(NotRecordedException.Reason.DEADLINE,
        "the deadline passed before the write"))).isTrue();
    assertThat(LateRefusals.isLateRefusal(new IllegalStateException("a bug"))).isFalse();
  }
}
