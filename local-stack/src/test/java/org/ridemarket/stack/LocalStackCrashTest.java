package org.ridemarket.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackCrashTest {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

  @TempDir
  Path stateDir;

  @Test
  void shouldStartAgainOnTheSamePortsAndStateDirAfterTheLauncherWasKilled() throws Exception {
    // given a launcher that became ready and was then killed with SIGKILL
    int[] ports = StackSettings.freePorts(4);
    List<String> args = List.of("--no-apps", "--state-dir", stateDir.toString(),
        "--kafka-port", Integer.toString(ports[0]), "--kafka-controller-port", Integer.toString(ports[1]),
        "--redis-port", Integer.toString(ports[2]), "--postgres-port", Integer.toString(ports[3]));
    LauncherProcess first = LauncherProcess.start(args);
    first.awaitReady(READY_TIMEOUT);
    List<ProcessHandle> firstRun = new ArrayList<>(StackProcesses.recorded(stateDir));
    firstRun.addAll(first.process().descendants().toList());
    first.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);

    // when the stack is started again on the same ports and state directory
    LauncherProcess second = LauncherProcess.start(args);
    try {
      second.awaitReady(READY_TIMEOUT);

      // then nothing of the first run survives
      assertThat(StackProcesses.survivors(firstRun)).isEmpty();
    } finally {
      // SIGTERM through the handle: Process.destroy() would also close the pipe we read its output from
      second.process().toHandle().destroy();
    }

    // and a SIGTERM to the second launcher leaves no process behind either
    assertThat(second.awaitExit(Duration.ofSeconds(60))).as(second.output()).isEqualTo(143);
    assertThat(StackProcesses.using(stateDir)).isEmpty();
    assertThat(second.output()).contains("[stack] stopped");
    assertThat(Arrays.stream(ports).filter(port -> !StackSettings.isFree(port))).isEmpty();
  }
}
