package org.ridemarket.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The local run's raw zone: one directory per run, because the local Kafka starts empty each run and the raw
 * zone's commits name offsets of one broker's log; earlier runs' archives stay for analysts. A {@code latest}
 * link points at the current run's, where the SQL command looks by default.
 */
final class RunArchive {

  static final String LATEST = "latest";
  private static final DateTimeFormatter RUN = DateTimeFormatter.ofPattern("'run-'yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  private RunArchive() {
  }

  /** Creates the directory of the run started at {@code start} under {@code archives}; {@code latest} points at it. */
  static Path create(Path archives, Instant start) throws IOException {
    Path run = Files.createDirectories(archives.resolve(RUN.format(start)));
    Path latest = archives.resolve(LATEST);
    Files.deleteIfExists(latest);
    Files.createSymbolicLink(latest, run.getFileName());
    return run;
  }
}
