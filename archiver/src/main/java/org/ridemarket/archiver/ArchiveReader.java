package org.ridemarket.archiver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;
import org.ridemarket.contracts.topics.Topics;

/**
 * Reads an event-time range of one archived topic back out of the raw zone, per Kafka partition in the order the
 * partition held it: the files of a partition by first offset, a batch that spans midnight UTC by its dates (each
 * file keeps its rows' offset order). Only committed files ({@code .parquet}) are read, and only the date
 * directories the range touches. A record is in the range when its {@code eventTime} is in
 * [{@code from}, {@code to}), the same test a replay of the topic by record timestamp applies, since producers set
 * the timestamp to the event time.
 */
public final class ArchiveReader {

  private static final Pattern DATA_FILE = Pattern.compile("(.+)-p(\\d+)-(\\d{20})-(\\d{20})\\.parquet");

  private final Path root;

  /** The raw zone at {@code root} (an archiver's {@code --dir}). */
  public ArchiveReader(Path root) {
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("no raw zone at " + root.toAbsolutePath());
    }
    this.root = root;
  }

  /** Receives a partition's events in its order. */
  @FunctionalInterface
  public interface PartitionSink {
    /** One event of {@code partition}, after every earlier one of that partition. */
    void accept(int partition, SpecificRecord event);
  }

  /** Hands every archived event of {@code topic} with an event time in [{@code from}, {@code to}) to {@code sink}. */
  public long read(String topic, Instant from, Instant to, PartitionSink sink) {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("time range is empty: " + from + " .. " + to);
    }
    // the topic's generated class carries the logical-type conversions (Instant, UUID) its files were written with
    SpecificData model = SpecificData.getForClass(Topics.named(topic).valueType());
    long read = 0;
    for (DataFile file : files(topic, from, to)) {
      read += readFile(file, model, from, to, sink);
    }
    return read;
  }

  /** The committed files of {@code topic} on the dates [{@code from}, {@code to}) touches, in partition order. */
  List<DataFile> files(String topic, Instant from, Instant to) {
    Path dir = root.resolve("topic=" + topic);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
    LocalDate last = LocalDate.ofInstant(to.minusMillis(1), ZoneOffset.UTC);
    Map<Integer, List<DataFile>> byPartition = new TreeMap<>();
    for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
      Path day = dir.resolve("date=" + date);
      if (!Files.isDirectory(day)) {
        continue;
      }
      try (Stream<Path> listed = Files.list(day)) {
        for (Path path : (Iterable<Path>) listed::iterator) {
          Matcher name = DATA_FILE.matcher(path.getFileName().toString());
          if (name.matches()) {
            DataFile file = new DataFile(path, Integer.parseInt(name.group(2)), Long.parseLong(name.group(3)), date);
            byPartition.computeIfAbsent(file.partition(), p -> new ArrayList<>()).add(file);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + day, e);
      }
    }
    List<DataFile> ordered = new ArrayList<>();
    byPartition.values().forEach(files -> {
      files.sort(Comparator.comparingLong(DataFile::firstOffset).thenComparing(DataFile::date));
      ordered.addAll(files);
    });
    return ordered;
  }

  /** One committed file of a partition's batch on one date. */
  record DataFile(Path path, int partition, long firstOffset, LocalDate date) {
  }

  private static long readFile(DataFile file, SpecificData model, Instant from, Instant to, PartitionSink sink) {
    long read = 0;
    try (ParquetReader<SpecificRecord> reader = AvroParquetReader.<SpecificRecord>builder(
            new LocalInputFile(file.path()), new PlainParquetConfiguration())
        .withDataModel(model)
        .build()) {
      for (SpecificRecord event = reader.read(); event != null; event = reader.read()) {
        Instant time = (Instant) event.get(event.getSchema().getField("eventTime").pos());
        if (!time.isBefore(from) && time.isBefore(to)) {
          sink.accept(file.partition(), event);
          read++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.path(), e);
    }
    return read;
  }
}
