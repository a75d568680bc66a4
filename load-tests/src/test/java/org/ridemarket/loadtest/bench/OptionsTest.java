package org.ridemarket.loadtest.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OptionsTest {

  @Test
  void shouldReadTheSubCommandAndBothOptionForms() {
    // given
    Options options = Options.parse("faults", "--rate", "100", "--pause=5s", "--services", "pricing, eta");

    // then
    assertThat(options.command()).isEqualTo("faults");
    assertThat(options.integer("rate", 1)).isEqualTo(100);
    assertThat(options.duration("pause", "30s")).isEqualTo(Duration.ofSeconds(5));
    assertThat(options.list("services", "x")).containsExactly("pricing", "eta");
    assertThat(options.commandLine()).isEqualTo("faults --rate 100 --pause=5s --services pricing, eta");
  }

  @Test
  void shouldDefaultToBenchAndToTheFallbacks() {
    // given
    Options options = Options.parse("--rates", "200,500");

    // then
    assertThat(options.command()).isEqualTo("bench");
    assertThat(options.integers("rates", "1")).containsExactly(200, 500);
    assertThat(options.duration("budget-eta", "100ms")).isEqualTo(Duration.ofMillis(100));
    assertThat(options.text("out", "")).isEmpty();
  }

  @Test
  void shouldRefuseAnOptionNothingReads() {
    // given
    Options options = Options.parse("bench", "--rate", "500");
    options.integers("rates", "500");

    // then
    assertThatThrownBy(options::requireAllKnown).hasMessageContaining("--rate").hasMessageContaining("--rates");
  }

  @Test
  void shouldRefuseMalformedValues() {
    assertThatThrownBy(() -> Options.parse("bench", "--duration")).hasMessageContaining("needs a value");
    assertThatThrownBy(() -> Options.parse("bench", "oops")).hasMessageContaining("expected --option");
    assertThatThrownBy(() -> Options.parse("--rates", "5oo").integers("rates", "1")).hasMessageContaining("5oo");
    assertThatThrownBy(() -> Options.parse("--duration", "soon").duration("duration", "1s"))
        .hasMessageContaining("soon");
  }
}
