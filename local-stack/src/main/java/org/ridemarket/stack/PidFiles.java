package org.ridemarket.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The stack's child processes recorded as {@code <state>/pids/<name>.pid} (pid and start time),
 * so that a start after a crash can end what the crashed run left behind, and only that: a pid
 * the system has since given to another process has another start time and is left alone.
 */
final class PidFiles {

  private static final Duration KILL_GRACE = Duration.ofSeconds(10);

  private final Path dir;

  PidFiles(Path dir) {
    this.dir = dir;
  }

  /** Records a running child under a name. */
  void record(String name, ProcessHandle process) {
    String startMillis = process.info().startInstant()
        .map(start -> String.valueOf(start.toEpochMilli())).orElse("-");
    try {
      Files.createDirectories(dir);
      Files.writeString(file(name), process.pid() + "\n" + startMillis + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write pid file for " + name, e);
    }
  }

  /** Forgets a child that was stopped. */
  void remove(String name) {
    try {
      Files.deleteIfExists(file(name));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete pid file for " + name, e);
    }
  }

  /** Ends every recorded process that is still running and deletes all pid files; returns their names. */
  List<String> endLeftovers() throws IOException {
    List<String> ended = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return ended;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.pid")) {
      for (Path file : files) {
        Optional<ProcessHandle> leftover = recordedProcess(file);
        if (leftover.isPresent()) {
          ChildProcesses.stop(leftover.get(), KILL_GRACE);
          String name = file.getFileName().toString().replace(".pid", "");
          ended.add(name + " (pid " + leftover.get().pid() + ")");
        }
        Files.delete(file);
      }
    }
    return ended;
  }

  private static Optional<ProcessHandle> recordedProcess(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.size() < 2) {
      return Optional.empty();
    }
    long pid = Long.parseLong(lines.get(0).trim());
    String recordedStart = lines.get(1).trim();
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(process -> process.info().startInstant()
            .map(start -> String.valueOf(start.toEpochMilli()).equals(recordedStart))
            .orElse(false));
  }

  private Path file(String name) {
    return dir.resolve(name + ".pid");
  }
}
