package org.ridemarket.loadtest.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of a HotSpot JVM's JIT compiler threads, from {@code /proc/<pid>/task/<tid>/stat}: the threads
 * the JVM names {@code C1 CompilerThreadN} and {@code C2 CompilerThreadN} (the kernel keeps 15 characters,
 * {@code C2 CompilerThre}). A service whose compilers still burn CPU is not warm: its CPU per request reads
 * high and its tail long, which is what the benchmark's JIT warm-up waits out.
 */
public final class CompilerThreads {

  private CompilerThreads() {
  }

  /** Whether a thread's command name is one of HotSpot's compiler threads. */
  static boolean isCompiler(String comm) {
    return comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre");
  }

  /** The compiler threads' CPU so far, ns; threads that come and go between reads are counted while alive. */
  public static long cpuNanos(long pid) {
    return cpuNanos(Path.of("/proc", Long.toString(pid), "task"));
  }

  static long cpuNanos(Path tasks) {
    long ticks = 0;
    try (Stream<Path> threads = Files.list(tasks)) {
      for (Path thread : (Iterable<Path>) threads::iterator) {
        ProcStat stat;
        try {
          stat = ProcStat.parse(Files.readString(thread.resolve("stat")));
        } catch (NoSuchFileException gone) {
          continue;
        }
        if (isCompiler(stat.comm())) {
          ticks += stat.cpuTicks();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the threads of " + tasks, e);
    }
    return ticks * (1_000_000_000L / ProcStat.TICKS_PER_SECOND);
  }
}
