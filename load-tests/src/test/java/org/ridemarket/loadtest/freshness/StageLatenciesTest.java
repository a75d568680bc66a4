package org.ridemarket.loadtest.freshness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StageLatenciesTest {

  @Test
  void shouldReportEachStageReadTimeMinusEventTime() {
    StageLatencies stages = new StageLatencies(List.of("drivers.locations", "features.supply-demand"));
    for (int i = 1; i <= 100; i++) {
      stages.record("drivers.locations", 1_000, 1_000 + i);
      stages.record("features.supply-demand", 1_000, 1_000 + 10 * i);
    }

    assertThat(stages.percentile("drivers.locations", 50)).isEqualTo(50);
    assertThat(stages.percentile("drivers.locations", 99)).isEqualTo(99);
    assertThat(stages.percentile("features.supply-demand", 50)).isEqualTo(500);
    assertThat(stages.table()).containsExactly(
        "| topic | records | p50 ms | p90 ms | p99 ms | max ms | ahead of the clock |",
        "|---|---|---|---|---|---|---|",
        "| drivers.locations | 100 | 50 | 90 | 99 | 100 | 0 |",
        "| features.supply-demand | 100 | 500 | 900 | 990 | 1000 | 0 |");
  }

  @Test
  void shouldCountEventTimesAheadOfTheClockWithoutRecordingThem() {
    StageLatencies stages = new StageLatencies(List.of("payments.events"));
    stages.record("payments.events", 5_000, 4_000);

    assertThat(stages.percentile("payments.events", 50)).isEqualTo(-1);
    assertThat(stages.table().get(2)).isEqualTo("| payments.events | 0 | - | - | - | - | 1 |");
  }

  @Test
  void shouldRefuseATopicThatIsNoStage() {
    StageLatencies stages = new StageLatencies(List.of("payments.events"));

    assertThatThrownBy(() -> stages.record("features.velocity", 0, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("features.velocity");
  }
}
