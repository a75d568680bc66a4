package org.ridemarket.loadtest.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcStatTest {

  @Test
  void shouldReadCpuTimeAndParentEvenWithParenthesesInTheName() {
    // given a real line whose command name holds a space and a parenthesis
    String line = "4242 (java (x) y) S 4100 4242 4100 0 -1 4194560 51234 0 12 0 1500 250 3 1 20 0 42 0 "
        + "123456 4096000000 60000 18446744073709551615 1 1 0 0 0 0 0 4096 17359 0 0 0 17 1 0 0 0 0 0";

    // when
    ProcStat stat = ProcStat.parse(line);

    // then utime 1500 + stime 250 ticks; children's times (3, 1) are not ours
    assertThat(stat.pid()).isEqualTo(4242);
    assertThat(stat.comm()).isEqualTo("java (x) y");
    assertThat(stat.ppid()).isEqualTo(4100);
    assertThat(stat.cpuTicks()).isEqualTo(1750);
    assertThat(stat.cpuNanos()).isEqualTo(17_500_000_000L);
  }

  @Test
  void shouldReadThisProcess() {
    ProcStat self = ProcStat.self();

    assertThat(self.pid()).isEqualTo(ProcessHandle.current().pid());
    assertThat(self.cpuTicks()).isPositive();
  }

  @Test
  void shouldRefuseWhatIsNotAStatLine() {
    assertThatThrownBy(() -> ProcStat.parse("hello")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ProcStat.parse("1 (x) S 0")).hasMessageContaining("too few fields");
  }
}
