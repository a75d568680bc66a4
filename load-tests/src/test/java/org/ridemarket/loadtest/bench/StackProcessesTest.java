package org.ridemarket.loadtest.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StackProcessesTest {

  @Test
  void shouldReadThePostmasterPidFromItsFile() {
    String file = "5123\n/work/wt-bench/.stack/postgres\n1764660000\n15432\n/tmp\n127.0.0.1\n  15432001  0\nready\n";

    assertThat(StackProcesses.postmasterPid(file)).isEqualTo(5123);
    assertThatThrownBy(() -> StackProcesses.postmasterPid("")).hasMessageContaining("does not start with a pid");
  }

  @Test
  void shouldTakeEveryChildOfThePostmasterAndNothingElse() {
    // given the postmaster, two of its backends, and an unrelated postgres of another data directory
    List<ProcStat> stats = List.of(new ProcStat(5123, "postgres", 1, 10), new ProcStat(5124, "postgres", 5123, 1),
        new ProcStat(5130, "postgres", 5123, 1), new ProcStat(6000, "postgres", 1, 1),
        new ProcStat(6001, "postgres", 6000, 1));

    assertThat(StackProcesses.childrenOf(5123, stats)).containsExactly(5124L, 5130L);
  }
}
