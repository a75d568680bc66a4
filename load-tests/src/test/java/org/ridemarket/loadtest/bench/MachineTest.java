package org.ridemarket.loadtest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MachineTest {

  @Test
  void shouldReadTheThreeLoadAverages() {
    assertThat(Machine.loadAverage("2.53 0.93 0.35 3/412 1969\n")).isEqualTo("2.53 0.93 0.35");
    assertThat(Machine.loadAverage("")).isEqualTo("?");
  }

  @Test
  void shouldDescribeThisMachine() {
    assertThat(Machine.description()).matches("\\d+ cores, .+");
  }
}
