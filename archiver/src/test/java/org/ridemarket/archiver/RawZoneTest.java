package org.ridemarket.archiver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawZoneTest {

  static final TopicPartition P0 = new TopicPartition("rides.requests", 0);
  static final TopicPartition P1 = new TopicPartition("rides.requests", 1);
  static final LocalDate DAY = LocalDate.parse("2026-11-02");

  @Test
  void shouldResumeAfterTheLastCommittedOffsetOfEachPartition(@TempDir Path root) throws Exception {
    RawZone zone = new RawZone(root);
    Path first = written(zone.dataFile("rides.requests", DAY, P0, 0, 9));
    zone.commit(P0, 0, 9, 10, List.of(first));
    Path second = written(zone.dataFile("rides.requests", DAY, P0, 10, 19));
    zone.commit(P0, 10, 19, 10, List.of(second));

    Map<TopicPartition, Long> next = new RawZone(root).recover(List.of(P0, P1));

    assertThat(next).containsExactly(Map.entry(P0, 20L));
    assertThat(first).exists();
    assertThat(second).exists();
    assertThat(RawZone.inProgress(second)).doesNotExist();
  }

  @Test
  void shouldDeleteABatchThatCrashedBeforeItsCommit(@TempDir Path root) throws Exception {
    RawZone zone = new RawZone(root);
    Path committed = written(zone.dataFile("rides.requests", DAY, P0, 0, 9));
    zone.commit(P0, 0, 9, 10, List.of(committed));
    Path unfinished = RawZone.inProgress(zone.dataFile("rides.requests", DAY.plusDays(1), P0, 10, 19));
    Files.createDirectories(unfinished.getParent());
    Files.writeString(unfinished, "half a file");

    Map<TopicPartition, Long> next = new RawZone(root).recover(List.of(P0));

    assertThat(next).containsEntry(P0, 10L);
    assertThat(unfinished).doesNotExist();
    assertThat(committed).exists();
  }

  @Test
  void shouldFinishTheRenamesOfABatchThatCrashedAfterItsCommit(@TempDir Path root) throws Exception {
    RawZone crashing = new RawZone(root) {
      @Override
      void afterCommitFile() {
        throw new IllegalStateException("crash between the commit and the renames");
      }
    };
    Path monday = written(crashing.dataFile("rides.requests", DAY, P1, 5, 8));
    Path tuesday = written(crashing.dataFile("rides.requests", DAY.plusDays(1), P1, 5, 8));
    try {
      crashing.commit(P1, 5, 8, 4, List.of(monday, tuesday));
    } catch (IllegalStateException expected) {
      // the process died here
    }
    assertThat(monday).doesNotExist();

    Map<TopicPartition, Long> next = new RawZone(root).recover(List.of(P0, P1));

    assertThat(next).containsExactly(Map.entry(P1, 9L));
    assertThat(monday).hasContent("rows of " + monday.getFileName());
    assertThat(tuesday).exists();
    assertThat(RawZone.inProgress(monday)).doesNotExist();
  }

  @Test
  void shouldKeepOnlyTheLatestCommitFileOfAPartition(@TempDir Path root) throws Exception {
    RawZone zone = new RawZone(root);
    zone.commit(P0, 0, 9, 10, List.of(written(zone.dataFile("rides.requests", DAY, P0, 0, 9))));
    zone.commit(P0, 10, 19, 10, List.of(written(zone.dataFile("rides.requests", DAY, P0, 10, 19))));

    try (var commits = Files.list(root.resolve("_commits/rides.requests/p0"))) {
      assertThat(commits.map(p -> p.getFileName().toString()).toList())
          .containsExactly("00000000000000000019.commit");
    }
  }

  // a data file of a batch, written in progress as the archiver does
  private static Path written(Path dataFile) throws Exception {
    Path tmp = RawZone.inProgress(dataFile);
    Files.createDirectories(tmp.getParent());
    Files.writeString(tmp, "rows of " + dataFile.getFileName());
    return dataFile;
  }
}
