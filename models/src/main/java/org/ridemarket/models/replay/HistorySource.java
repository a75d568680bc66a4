package org.ridemarket.models.replay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.TopicPartition;
import org.ridemarket.archiver.ArchiveReader;
import org.ridemarket.contracts.topics.Topic;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.models.oracle.InputHistory;
import org.ridemarket.simulator.SimulatorConfig;
import org.ridemarket.simulator.output.EncodedEvent;
import org.ridemarket.simulator.output.EventFileReader;

/**
 * Where a training job reads the history it replays: a simulator or importer event file, an event-time range of
 * the Kafka topics ({@code offsetsForTimes}), or an event-time range of the archiver's Parquet raw zone, which
 * keeps history beyond Kafka's retention. All three hand the chosen topics' events over in the order the
 * topologies would take them (each partition's order kept, partitions merged oldest first; an event file is
 * already in time order), keyed as the contract keys them, so a replay of the same history gives the same rows
 * whichever source it came from.
 *
 * <p>Options, taken out of a command line by {@link #take}: {@code --events FILE} (alias {@code --history FILE}), {@code --kafka
 * SERVERS}, {@code --archive DIR}, and {@code --from T} / {@code --to T}, each a local New York date (its start,
 * {@code 2018-07-01}) or an instant ({@code 2018-07-01T04:00:00Z}). Kafka and the archive need both ends; an
 * event file may be cut by either.
 */
public final class HistorySource {

  private static final Duration KAFKA_TIMEOUT = Duration.ofMinutes(10);
  private static final long PROGRESS_EVERY = 200_000;

  private Path events;
  private String kafka;
  private Path archive;
  private Instant from;
  private Instant to;

  /** What a replay read: events per topic, and how long reading and replaying took. */
  public record Summary(Map<String, Long> perTopic, double seconds) {

    /** Events read, all topics. */
    public long events() {
      return perTopic.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Events per second over the whole replay. */
    public double eventsPerSecond() {
      return seconds > 0 ? events() / seconds : Double.NaN;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%,d events %s in %.1f s (%,.0f events/s)", events(), perTopic, seconds,
          eventsPerSecond());
    }
  }

  /**
   * Takes the source options out of {@code args} and returns the others, in order, for the job to parse; from a
   * {@code --} on, everything is another program's (the simulator's) and is returned as it is.
   */
  public String[] take(String[] args) {
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--")) {
        rest.addAll(Arrays.asList(args).subList(i, args.length));
        break;
      }
      int consumed = option(args, i);
      if (consumed < 0) {
        rest.add(args[i]);
      } else {
        i = consumed;
      }
    }
    return rest.toArray(String[]::new);
  }

  // Consumes the source option at args[i] and returns the index of its last argument, or -1 for any other argument.
  private int option(String[] args, int i) {
    switch (args[i]) {
      case "--events", "--history" -> events = Path.of(value(args, i));
      case "--kafka" -> kafka = value(args, i);
      case "--archive" -> archive = Path.of(value(args, i));
      case "--from" -> from = instant(args[i], value(args, i));
      case "--to" -> to = instant(args[i], value(args, i));
      default -> {
        return -1;
      }
    }
    return i + 1;
  }

  /** True when any history option was given; a job without one simulates its history instead, where it can. */
  public boolean named() {
    return events != null || kafka != null || archive != null || from != null || to != null;
  }

  /** Why these options cannot be replayed, or null when they can. */
  public String problem() {
    int sources = (events != null ? 1 : 0) + (kafka != null ? 1 : 0) + (archive != null ? 1 : 0);
    if (sources != 1) {
      return "name exactly one of --events FILE, --kafka SERVERS, --archive DIR";
    }
    if (events != null && !Files.isRegularFile(events)) {
      return "--events: no such file " + events;
    }
    if (archive != null && !Files.isDirectory(archive)) {
      return "--archive: no raw zone at " + archive;
    }
    if (events == null && (from == null || to == null)) {
      return (kafka != null ? "--kafka" : "--archive") + " needs --from and --to";
    }
    if (from != null && to != null && !from.isBefore(to)) {
      return "--from must be before --to; got " + from + " .. " + to;
    }
    return null;
  }

  /** Ends the JVM with exit code 2 and the {@link #problem()}, after {@code job}'s name, if there is one. */
  public void exitOnProblem(String job) {
    String problem = problem();
    if (problem != null) {
      System.err.println(job + ": " + problem);
      System.exit(2);
    }
  }

  /** The history in words, for a model's signature and the reports: the source and the range. */
  public String describe() {
    String source = events != null ? events.getFileName().toString()
        : kafka != null ? "Kafka " + kafka : "the archive " + archive;
    if (from == null && to == null) {
      return source;
    }
    return source + " " + (from == null ? "start" : from) + " .. " + (to == null ? "end" : to);
  }

  /**
   * Hands the events of {@code topics} in [{@code from}, {@code to}) to {@code sink} in replay order, with a progress
   * line every {@value #PROGRESS_EVERY} events, and returns what was read.
   */
  public Summary replay(List<Topic<String, ?>> topics, Consumer<EncodedEvent> sink) {
    String problem = problem();
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    List<String> names = topics.stream().map(Topic::name).toList();
    Map<String, Long> perTopic = new LinkedHashMap<>();
    names.forEach(name -> perTopic.put(name, 0L));
    long started = System.nanoTime();
    long[] count = {0};
    Consumer<EncodedEvent> counted = event -> {
      sink.accept(event);
      perTopic.merge(event.topic(), 1L, Long::sum);
      if (++count[0] % PROGRESS_EVERY == 0) {
        System.out.printf(Locale.ROOT, "  replayed %,d events, up to %s, %.0f s%n", count[0],
            Instant.ofEpochMilli(event.eventTimeMillis()), (System.nanoTime() - started) / 1e9);
      }
    };
    System.out.println("replaying " + names + " from " + describe());
    if (events != null) {
      long lower = from == null ? Long.MIN_VALUE : from.toEpochMilli();
      long upper = to == null ? Long.MAX_VALUE : to.toEpochMilli();
      try (EventFileReader reader = new EventFileReader(events)) {
        reader.forEachRemaining(event -> {
          if (names.contains(event.topic()) && event.eventTimeMillis() >= lower && event.eventTimeMillis() < upper) {
            counted.accept(event);
          }
        });
      }
    } else if (kafka != null) {
      List<EncodedEvent> read = InputHistory.fromKafka(kafka, names, from, to, KAFKA_TIMEOUT);
      System.out.printf(Locale.ROOT, "  read %,d events from Kafka in %.0f s%n", read.size(),
          (System.nanoTime() - started) / 1e9);
      read.forEach(counted);
    } else {
      fromArchive(new ArchiveReader(archive), topics, from, to, counted);
    }
    Summary summary = new Summary(perTopic, (System.nanoTime() - started) / 1e9);
    System.out.println("replayed " + summary);
    return summary;
  }

  /**
   * Hands the archived events of {@code topics} in [{@code from}, {@code to}) to {@code sink}, encoded and keyed as
   * their producers did ({@link Topics#keyOf}), each partition's order kept, merged oldest first as
   * {@link InputHistory} merges Kafka's; streamed, one file per partition open at a time.
   */
  public static void fromArchive(ArchiveReader reader, List<Topic<String, ?>> topics, Instant from, Instant to,
      Consumer<EncodedEvent> sink) {
    Map<TopicPartition, Iterator<EncodedEvent>> cursors = new TreeMap<>(InputHistory.PARTITION_ORDER);
    for (Topic<String, ?> topic : topics) {
      reader.partitions(topic.name(), from, to).forEach((partition, events) ->
          cursors.put(new TopicPartition(topic.name(), partition), encoded(topic, events)));
    }
    InputHistory.merge(List.copyOf(cursors.values()), sink);
  }

  private static Iterator<EncodedEvent> encoded(Topic<String, ?> topic, Iterator<SpecificRecord> events) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return events.hasNext();
      }

      @Override
      public EncodedEvent next() {
        return encoded(topic, events.next());
      }
    };
  }

  @SuppressWarnings("unchecked")
  private static <V> EncodedEvent encoded(Topic<String, V> topic, SpecificRecord event) {
    String key = Topics.keyOf(event);
    byte[] value = topic.valueSerde().serializer().serialize(topic.name(), (V) event);
    return new EncodedEvent(topic.name(), key, topic.keySerde().serializer().serialize(topic.name(), key), value,
        ArchiveReader.eventTime(event).toEpochMilli());
  }

  /** A local New York date (its start) or an ISO-8601 instant, the value of {@code option}. */
  static Instant instant(String option, String text) {
    try {
      return text.contains("T") ? Instant.parse(text)
          : LocalDate.parse(text).atStartOfDay(SimulatorConfig.NEW_YORK).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(option + ": not a date (2018-07-01) or an instant (2018-07-01T04:00:00Z): "
          + text, e);
    }
  }

  private static String value(String[] args, int i) {
    if (i + 1 >= args.length) {
      throw new IllegalArgumentException(args[i] + " needs a value");
    }
    return args[i + 1];
  }
}
