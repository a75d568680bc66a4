package org.ridemarket.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunArchiveTest {

  @Test
  void shouldGiveEachRunItsOwnRawZoneAndLinkTheLatest(@TempDir Path archives) throws Exception {
    Path first = RunArchive.create(archives, Instant.parse("2026-12-02T13:00:00Z"));
    Files.writeString(first.resolve("kept"), "an earlier run's archive");

    Path second = RunArchive.create(archives, Instant.parse("2026-12-02T14:30:05Z"));

    assertThat(second).isNotEqualTo(first).isDirectory();
    assertThat(second.getFileName().toString()).isEqualTo("run-20261202T143005Z");
    assertThat(first.resolve("kept")).exists();
    assertThat(archives.resolve(RunArchive.LATEST).toRealPath()).isEqualTo(second.toRealPath());
  }
}
