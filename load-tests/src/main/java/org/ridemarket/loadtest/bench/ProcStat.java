package org.ridemarket.loadtest.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One line of {@code /proc/<pid>/stat}: the process's name, parent and CPU time (user + system, all
 * threads). The CPU clock ticks at {@code CLK_TCK} (100 Hz on Linux x86-64), so a step's CPU is exact
 * to 10 ms, a few µs per request over thousands of requests.
 *
 * @param pid the process
 * @param comm its command name, without the parentheses
 * @param ppid its parent
 * @param cpuTicks utime + stime, in clock ticks
 */
public record ProcStat(long pid, String comm, long ppid, long cpuTicks) {

  /** Linux's USER_HZ on every architecture the stack's binaries run on; the kernel ABI fixes it at 100. */
  public static final long TICKS_PER_SECOND = 100;

  /**
   * Parses a stat line. The command name may hold spaces and parentheses, so the fields are counted
   * from the last {@code ')'}: after it come state (field 3), ppid (4), ... utime (14), stime (15).
   */
  public static ProcStat parse(String line) {
    int open = line.indexOf('(');
    int close = line.lastIndexOf(')');
    if (open < 0 || close < open) {
      throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + line);
    }
    String[] fields = line.substring(close + 2).trim().split(" ");
    if (fields.length < 13) {
      throw new IllegalArgumentException("too few fields in a /proc/<pid>/stat line: " + line);
    }
    long utime = Long.parseLong(fields[11]);
    long stime = Long.parseLong(fields[12]);
    return new ProcStat(Long.parseLong(line.substring(0, open).trim()), line.substring(open + 1, close),
        Long.parseLong(fields[1]), utime + stime);
  }

  /** The current stat of {@code pid}. */
  public static ProcStat of(long pid) {
    return read(Path.of("/proc", Long.toString(pid), "stat"));
  }

  /** The current stat of this JVM. */
  public static ProcStat self() {
    return of(ProcessHandle.current().pid());
  }

  static ProcStat read(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** CPU time in nanoseconds. */
  public long cpuNanos() {
    return cpuTicks * (1_000_000_000L / TICKS_PER_SECOND);
  }
}
