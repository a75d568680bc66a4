package org.ridemarket.loadtest.measure;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatling.core.util.Shard;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenScheduleTest {

  @Test
  void shouldSpaceWholeRatesEvenly() {
    assertThat(OpenSchedule.offsetNanos(0, 500)).isZero();
    assertThat(OpenSchedule.offsetNanos(1, 500)).isEqualTo(2_000_000);
    assertThat(OpenSchedule.offsetNanos(1_000, 1_000)).isEqualTo(1_000_000_000);
    assertThat(OpenSchedule.offsetNanos(3, 2_000)).isEqualTo(1_000_000);
  }

  @Test
  void shouldPutEachRequestInTheMillisecondSlotGatlingStartsItIn() {
    for (int rate : new int[] {1, 7, 50, 300, 333, 500, 999, 1_000, 1_500, 2_000}) {
      // given Gatling's slots for constantUsersPerSec(rate) over 3 seconds: 1,000 slots a second
      List<Long> gatling = new ArrayList<>();
      for (int second = 0; second < 3; second++) {
        scala.collection.Iterator<Object> usersPerSlot = Shard.shards(rate, 1_000);
        for (int slot = 0; usersPerSlot.hasNext(); slot++) {
          long users = (Long) usersPerSlot.next();
          for (long u = 0; u < users; u++) {
            gatling.add((second * 1_000L + slot) * 1_000_000L);
          }
        }
      }

      // then
      List<Long> ours = new ArrayList<>();
      for (int n = 0; n < gatling.size(); n++) {
        ours.add(OpenSchedule.offsetNanos(n, rate));
      }
      assertThat(ours).as("rate %d", rate).isEqualTo(gatling);
    }
  }

  @Test
  void shouldSpreadRequestsEvenlyWithoutMillisecondSlots() {
    assertThat(OpenSchedule.evenOffsetNanos(0, 2_000)).isZero();
    assertThat(OpenSchedule.evenOffsetNanos(1, 2_000)).isEqualTo(500_000);
    assertThat(OpenSchedule.evenOffsetNanos(3, 300)).isEqualTo(10_000_000);
    assertThat(OpenSchedule.evenOffsetNanos(60_000, 2_000)).isEqualTo(30_000_000_000L);
  }
}
