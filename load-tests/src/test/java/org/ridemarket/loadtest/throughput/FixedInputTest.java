package org.ridemarket.loadtest.throughput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FixedInputTest {

  private static final List<String> TWO_MINUTES = List.of("--duration", "2m", "--no-uber", "--drivers", "200");

  @Test
  void shouldGiveTheSameEventsForTheSameOptions() {
    FixedInput first = FixedInput.simulate(TWO_MINUTES);
    FixedInput second = FixedInput.simulate(TWO_MINUTES);

    assertThat(first.events()).isNotEmpty().isEqualTo(second.events());
    assertThat(first.countsByTopic()).containsKey("drivers.locations");
    assertThat(first.count(ThroughputMain.CONGESTION_INPUTS))
        .isEqualTo(first.countsByTopic().getOrDefault("trips.events", 0L)
            + first.countsByTopic().get("drivers.locations"));
  }

  @Test
  void shouldKeepOnlyTheTopicsAsked() {
    FixedInput all = FixedInput.simulate(TWO_MINUTES);
    FixedInput pings = FixedInput.simulate(TWO_MINUTES, "drivers.locations"::equals);

    assertThat(pings.countsByTopic()).containsOnlyKeys("drivers.locations");
    assertThat(pings.events()).isEqualTo(all.events().stream()
        .filter(event -> event.topic().equals("drivers.locations")).toList());
  }

  @Test
  void shouldRefuseAnInputWithoutEnd() {
    assertThatThrownBy(() -> FixedInput.simulate(List.of("--no-uber")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--duration");
  }
}
