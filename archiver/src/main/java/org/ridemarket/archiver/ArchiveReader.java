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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
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

  /**
   * Each partition's archived events of {@code topic} in [{@code from}, {@code to}), by partition number, each a
   * lazy cursor that keeps one file open at a time (and closes it when it is read to its end), so that a replay can
   * merge partitions without holding the range in memory.
   */
  public Map<Integer, Iterator<SpecificRecord>> partitions(String topic, Instant from, Instant to) {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("time range is empty: " + from + " .. " + to);
    }
    // the topic's generated class carries the logical-type conversions (Instant, UUID) its files were written with
    SpecificData model = SpecificData.getForClass(Topics.named(topic).valueType());
    Map<Integer, Iterator<SpecificRecord>> cursors = new TreeMap<>();
    files(topic, from, to).forEach((partition, files) -> cursors.put(partition, new Cursor(files, model, from, to)));
    return cursors;
  }

  /** An archived event's {@code eventTime}, which its range is read by (producers stamp records with it too). */
  public static Instant eventTime(SpecificRecord event) {
    return (Instant) event.get(event.getSchema().getField("eventTime").pos());
  }

  /** The committed files of {@code topic} on the dates [{@code from}, {@code to}) touches, per partition in order. */
  Map<Integer, List<DataFile>> files(String topic, Instant from, Instant to) {
    Path dir = root.resolve("topic=" + topic);
    Map<Integer, List<DataFile>> byPartition = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return byPartition;
    }
    LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
    LocalDate last = LocalDate.ofInstant(to.minusMillis(1), ZoneOffset.UTC);
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
    byPartition.values().forEach(files ->
        files.sort(Comparator.comparingLong(DataFile::firstOffset).thenComparing(DataFile::date)));
    return byPartition;
  }

  /** One committed file of a partition's batch on one date. */
  record DataFile(Path path, int partition, long firstOffset, LocalDate date) {
  }

  /** A partition's events in the range, its files read one after another. */
  private static final class Cursor implements Iterator<SpecificRecord> {

    private final Iterator<DataFile> files;
    private final SpecificData model;
    private final Instant from;
    private final Instant to;
    private DataFile file;
    private ParquetReader<SpecificRecord> reader;
    private SpecificRecord next;

    Cursor(List<DataFile> files, SpecificData model, Instant from, Instant to) {
      this.files = files.iterator();
      this.model = model;
      this.from = from;
      this.to = to;
    }

    @Override
    public boolean hasNext() {
      if (next == null) {
        next = advance();
      }
      return next != null;
    }

    @Override
    public SpecificRecord next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      SpecificRecord event = next;
      next = null;
      return event;
    }

    // the next event of the range, opening the next file when one ends; null after the last file
    private SpecificRecord advance() {
      try {
        while (true) {
          if (reader == null) {
            if (!files.hasNext()) {
              return null;
            }
            file = files.next();
            reader = AvroParquetReader.<SpecificRecord>builder(new LocalInputFile(file.path()),
                new PlainParquetConfiguration()).withDataModel(model).build();
          }
          SpecificRecord event = reader.read();
          if (event == null) {
            reader.close();
            reader = null;
            continue;
          }
          Instant time = eventTime(event);
          if (!time.isBefore(from) && time.isBefore(to)) {
            return event;
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file.path(), e);
      }
    }
  }
}
