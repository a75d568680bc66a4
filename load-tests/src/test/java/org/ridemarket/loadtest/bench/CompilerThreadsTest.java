package org.ridemarket.loadtest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only the JIT compiler threads' CPU is counted, from each thread's stat line. */
class CompilerThreadsTest {

  @TempDir
  Path tasks;

  @Test
  void shouldSumTheCompilerThreadsOnly() throws IOException {
    thread(101, "C2 CompilerThre", 300, 20);
    thread(102, "C1 CompilerThre", 40, 2);
    thread(103, "vert.x-eventloo", 5_000, 900);
    thread(104, "java", 7, 1);

    // (300 + 20 + 40 + 2) ticks of 10 ms
    assertThat(CompilerThreads.cpuNanos(tasks)).isEqualTo(3_620_000_000L);
  }

  @Test
  void shouldReadThisJvmsOwnCompilerThreads() {
    // a JVM that ran any code has compiled some: its compiler threads exist and their CPU is counted
    long self = ProcessHandle.current().pid();
    assertThat(CompilerThreads.cpuNanos(self)).isNotNegative();
    assertThat(CompilerThreads.isCompiler("C2 CompilerThre")).isTrue();
    assertThat(CompilerThreads.isCompiler("GC Thread#0")).isFalse();
  }

  private void thread(int tid, String comm, long utime, long stime) throws IOException {
    Path dir = Files.createDirectories(tasks.resolve(Integer.toString(tid)));
    Files.writeString(dir.resolve("stat"), tid + " (" + comm + ") S 1 1 1 0 -1 4194368 10 0 0 0 " + utime + " "
        + stime + " 0 0 20 0 40 0 100 0 0 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 -1 1 0 0 0 0 0");
  }
}
