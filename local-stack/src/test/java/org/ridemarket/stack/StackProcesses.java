package org.ridemarket.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** What the tests look at to tell whether a stack left processes behind. */
final class StackProcesses {

  private StackProcesses() {
  }

  /** The processes a stack recorded in its pid files. */
  static List<ProcessHandle> recorded(Path stateDir) {
    try (Stream<Path> files = Files.list(stateDir.resolve("pids"))) {
      return files.map(StackProcesses::pid).map(ProcessHandle::of)
          .flatMap(Optional::stream).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every process whose command line mentions the state directory (servers keep their data there). */
  static List<String> using(Path stateDir) {
    return ProcessHandle.allProcesses()
        .filter(ProcessHandle::isAlive)
        .map(process -> process.info().commandLine().orElse(""))
        .filter(command -> command.contains(stateDir.toString()))
        .toList();
  }

  /** The processes still alive after giving each a few seconds to finish exiting. */
  static List<ProcessHandle> survivors(Collection<ProcessHandle> processes) {
    for (ProcessHandle process : processes) {
      try {
        process.onExit().get(Duration.ofSeconds(15).toMillis(), TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        // reported below as a survivor
      }
    }
    return processes.stream().filter(ProcessHandle::isAlive).toList();
  }

  private static long pid(Path file) {
    try {
      return Long.parseLong(Files.readAllLines(file, StandardCharsets.UTF_8).get(0).trim());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
