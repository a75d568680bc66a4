package org.ridemarket.loadtest.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The stack's server processes a fault is injected into: every process of the embedded PostgreSQL of a
 * data directory (the postmaster and all its children: backends, checkpointer, WAL writer...; pausing
 * only the postmaster would leave the open connections answering), and the Redis server on a port.
 */
public final class StackProcesses {

  private StackProcesses() {
  }

  /** The postmaster of {@code dataDir} (first line of its {@code postmaster.pid}) and its children. */
  public static List<Long> postgres(Path dataDir) {
    Path pidFile = dataDir.resolve("postmaster.pid");
    long postmaster;
    try {
      postmaster = postmasterPid(Files.readString(pidFile));
    } catch (IOException e) {
      throw new UncheckedIOException("no running PostgreSQL at " + dataDir.toAbsolutePath()
          + " (cannot read " + pidFile + "): is the stack up?", e);
    }
    List<Long> pids = new ArrayList<>();
    pids.add(postmaster);
    pids.addAll(childrenOf(postmaster, allStats()));
    return pids;
  }

  /** The Redis server listening on {@code port}. */
  public static long redis(int port) {
    long pid = ListeningSocket.pidListeningOn(port).orElseThrow(() -> new IllegalStateException(
        "nothing listens on port " + port + ": is the stack's Redis up?"));
    String comm = ProcStat.of(pid).comm();
    if (!comm.startsWith("redis")) {
      throw new IllegalStateException("port " + port + " belongs to pid " + pid + " (" + comm + "), not Redis");
    }
    return pid;
  }

  static long postmasterPid(String pidFileContent) {
    String first = pidFileContent.lines().findFirst().orElse("").trim();
    try {
      return Long.parseLong(first);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("postmaster.pid does not start with a pid: '" + first + "'");
    }
  }

  /** The processes among {@code stats} whose parent is {@code parent}. */
  static List<Long> childrenOf(long parent, List<ProcStat> stats) {
    return stats.stream().filter(stat -> stat.ppid() == parent).map(ProcStat::pid).toList();
  }

  /** Every process's stat line; one that exits while /proc is listed is left out. */
  static List<ProcStat> allStats() {
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      List<ProcStat> stats = new ArrayList<>();
      processes.filter(dir -> dir.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(dir -> {
        try {
          stats.add(ProcStat.read(dir.resolve("stat")));
        } catch (UncheckedIOException | IllegalArgumentException e) {
          // The process exited while the directory was being listed.
        }
      });
      return stats;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list /proc", e);
    }
  }
}
