package org.ridemarket.archiver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;

/**
 * The raw zone on disk and its commit protocol (ADR 0021). Data lives in
 * {@code topic=<topic>/date=<yyyy-MM-dd>/<topic>-p<partition>-<first offset>-<last offset>.parquet}
 * (Hive-style partitions, so DuckDB reads {@code topic} and {@code date} as columns). A batch of one
 * Kafka partition is written as {@code .parquet.tmp} files, then made durable by one atomic step: its commit
 * file {@code _commits/<topic>/p<partition>/<last offset>.commit} naming the batch's offsets and files. Only
 * then are the files renamed to {@code .parquet}. The latest commit file of a partition is the source of
 * truth on restart: its files are finished if a crash interrupted the renames, every other {@code .tmp} file
 * is an unfinished batch and is deleted, and consumption resumes after its last offset.
 */
class RawZone {

  /** Where the records that could not be decoded go, as the contract's DeadLetter, whatever their topic. */
  static final String UNDECODABLE = "_undecodable";
  static final String TMP = ".tmp";
  private static final String COMMITS = "_commits";
  private static final String COMMIT = ".commit";

  private final Path root;

  RawZone(Path root) {
    this.root = root;
    try {
      Files.createDirectories(root.resolve(COMMITS));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the raw zone at " + root, e);
    }
  }

  Path root() {
    return root;
  }

  /** The final path of the part of a batch that falls on one event date of one (archived) topic. */
  Path dataFile(String archivedTopic, LocalDate date, TopicPartition source, long first, long last) {
    return root.resolve("topic=" + archivedTopic).resolve("date=" + date)
        .resolve(String.format("%s-p%d-%020d-%020d.parquet", source.topic(), source.partition(), first, last));
  }

  /** The path a data file is written to before its batch is committed. */
  static Path inProgress(Path dataFile) {
    return dataFile.resolveSibling(dataFile.getFileName() + TMP);
  }

  /**
   * Recovers every partition and returns the next offset to read for those with a commit: finishes the
   * renames of each latest commit and deletes unfinished batches.
   */
  Map<TopicPartition, Long> recover(Collection<TopicPartition> partitions) {
    Set<Path> unfinished = new HashSet<>(inProgressFiles());
    Map<TopicPartition, Long> next = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
    for (TopicPartition partition : partitions) {
      latestCommit(partition).ifPresent(commit -> {
        for (Path file : commit.files()) {
          Path pending = inProgress(file);
          if (unfinished.remove(pending)) {
            move(pending, file);
          } else if (!Files.exists(file)) {
            throw new IllegalStateException("raw zone damaged: " + file + " of commit " + commit.path()
                + " is missing");
          }
        }
        next.put(partition, commit.last() + 1);
      });
    }
    for (Path orphan : unfinished) {
      delete(orphan);
    }
    return next;
  }

  /**
   * Commits a batch whose files were written as {@link #inProgress} files: the commit file first (the
   * atomic step), then the renames, then the partition's older commit files go.
   */
  void commit(TopicPartition partition, long first, long last, long records, List<Path> files) {
    Path dir = commitDir(partition);
    try {
      Files.createDirectories(dir);
      StringBuilder text = new StringBuilder()
          .append("first=").append(first).append('\n')
          .append("last=").append(last).append('\n')
          .append("records=").append(records).append('\n');
      for (Path file : files) {
        text.append("file=").append(root.relativize(file)).append('\n');
      }
      Path commit = dir.resolve(String.format("%020d%s", last, COMMIT));
      Path tmp = commit.resolveSibling(commit.getFileName() + TMP);
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      force(tmp);
      Files.move(tmp, commit, StandardCopyOption.ATOMIC_MOVE);
      force(dir);
      afterCommitFile();
      for (Path file : files) {
        move(inProgress(file), file);
      }
      try (Stream<Path> older = Files.list(dir)) {
        for (Path old : older.filter(p -> !p.equals(commit)).toList()) {
          Files.delete(old);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit a batch of " + partition + " to " + root, e);
    }
  }

  /** Nothing; a test overrides it to crash between a batch's commit and its renames. */
  void afterCommitFile() {
  }

  /** Makes a written file durable before it is committed. */
  static void force(Path path) {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot sync " + path, e);
    }
  }

  private record Commit(Path path, long last, List<Path> files) {
  }

  private Optional<Commit> latestCommit(TopicPartition partition) {
    Path dir = commitDir(partition);
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> commits = Files.list(dir)) {
      Optional<Path> latest = commits.filter(p -> p.getFileName().toString().endsWith(COMMIT))
          .max(Path::compareTo);
      if (latest.isEmpty()) {
        return Optional.empty();
      }
      long last = -1;
      List<Path> files = new ArrayList<>();
      for (String line : Files.readAllLines(latest.get(), StandardCharsets.UTF_8)) {
        if (line.startsWith("last=")) {
          last = Long.parseLong(line.substring("last=".length()));
        } else if (line.startsWith("file=")) {
          files.add(root.resolve(line.substring("file=".length())));
        }
      }
      if (last < 0) {
        throw new IllegalStateException("raw zone damaged: commit " + latest.get() + " has no last offset");
      }
      return Optional.of(new Commit(latest.get(), last, files));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the commits of " + partition + " in " + root, e);
    }
  }

  private List<Path> inProgressFiles() {
    try (Stream<Path> files = Files.find(root, 3,
        (path, attributes) -> attributes.isRegularFile() && path.getFileName().toString().endsWith(".parquet" + TMP))) {
      return files.toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the raw zone " + root, e);
    }
  }

  private Path commitDir(TopicPartition partition) {
    return root.resolve(COMMITS).resolve(partition.topic()).resolve("p" + partition.partition());
  }

  private static void move(Path from, Path to) {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rename " + from + " to " + to, e);
    }
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + path, e);
    }
  }
}
