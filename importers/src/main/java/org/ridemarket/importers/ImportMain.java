package org.ridemarket.importers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ridemarket.importers.handbook.HandbookImporter;
import org.ridemarket.importers.tlc.TlcImporter;
import org.ridemarket.models.eta.TaxiZones;
import org.ridemarket.simulator.clock.Durations;
import org.ridemarket.simulator.output.EventEmitter;
import org.ridemarket.simulator.output.EventFileSink;
import org.ridemarket.simulator.output.EventSink;
import org.ridemarket.simulator.output.KafkaSink;

/**
 * The import command: {@code tlc} (taxi trips) or {@code handbook} (card transactions), into an event file
 * ({@code --out}, the simulator's format, which replay and training read) and/or Kafka ({@code --kafka}).
 */
public final class ImportMain {

  static final String USAGE = """
      usage: java -jar importers/target/importers.jar tlc [--zones taxi_zones.geojson] (--out FILE | --kafka SERVERS) TRIPS.csv...
             java -jar importers/target/importers.jar handbook [--label-delay 7d] (--out FILE | --kafka SERVERS) TRANSACTIONS.csv[.gz]
        --out FILE          write an event file (the simulator's format; FILE.gz compressed)
        --kafka SERVERS     send to the contract's topics at these bootstrap servers (the topics must exist)
        --zones FILE        TLC taxi zones (default ../shared/data/nyc-tlc/taxi_zones.geojson)
        --label-delay D     chargeback delay after a fraudulent payment (default 7d: the handbook's protocol)
        --progress N        a progress line every N rows (default 100000, 0: none)
      """;

  private ImportMain() {
  }

  public static void main(String[] args) throws Exception {
    try {
      System.exit(run(new ArrayList<>(List.of(args))));
    } catch (IllegalArgumentException e) {
      System.err.println("import: " + e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
    }
  }

  /** Runs one import; returns the exit code (0, also when rows were bad: they are reported, not fatal). */
  static int run(List<String> args) throws Exception {
    if (args.isEmpty()) {
      throw new IllegalArgumentException("which import: tlc or handbook?");
    }
    String source = args.remove(0);
    String out = option(args, "--out", null);
    String kafka = option(args, "--kafka", null);
    long progress = Long.parseLong(option(args, "--progress", "100000"));
    Path zones = Path.of(option(args, "--zones", "../shared/data/nyc-tlc/taxi_zones.geojson"));
    Duration labelDelay = Durations.parse(option(args, "--label-delay", "7d"));
    if (out == null && kafka == null) {
      throw new IllegalArgumentException("where to: --out FILE, --kafka SERVERS or both");
    }
    List<Path> inputs = new ArrayList<>();
    for (String arg : args) {
      if (arg.startsWith("--")) {
        throw new IllegalArgumentException("unknown option " + arg);
      }
      Path input = Path.of(arg);
      if (!Files.isRegularFile(input)) {
        throw new IllegalArgumentException("no file " + input);
      }
      inputs.add(input);
    }
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("no input files");
    }
    List<EventSink> sinks = new ArrayList<>();
    if (out != null) {
      sinks.add(new EventFileSink(Path.of(out)));
    }
    if (kafka != null) {
      sinks.add(new KafkaSink(kafka, "lz4", 0));
    }
    EventEmitter emitter = new EventEmitter(sinks);
    ImportReport report = new ImportReport(source, System.out, progress);
    long events;
    try {
      events = switch (source) {
        case "tlc" -> {
          if (!Files.isRegularFile(zones)) {
            throw new IllegalArgumentException("no taxi zones at " + zones + " (--zones)");
          }
          yield new TlcImporter(TaxiZones.read(zones), report).importFiles(inputs, emitter);
        }
        case "handbook" -> {
          if (inputs.size() != 1) {
            throw new IllegalArgumentException("handbook takes one transactions file");
          }
          yield new HandbookImporter(labelDelay, report).importFile(inputs.get(0), emitter);
        }
        default -> throw new IllegalArgumentException("unknown import " + source + ": tlc or handbook");
      };
    } finally {
      emitter.close();
    }
    report.printSummary(events);
    System.out.println("events by topic: " + byTopic(emitter));
    return 0;
  }

  private static Map<String, Long> byTopic(EventEmitter emitter) {
    long[] counts = emitter.counts();
    Map<String, Long> byTopic = new java.util.TreeMap<>();
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0) {
        byTopic.put(EventEmitter.TOPICS.get(i).name(), counts[i]);
      }
    }
    return byTopic;
  }

  private static String option(List<String> args, String name, String fallback) {
    int at = args.indexOf(name);
    if (at < 0) {
      return fallback;
    }
    if (at + 1 >= args.size()) {
      throw new IllegalArgumentException(name + " needs a value");
    }
    String value = args.get(at + 1);
    args.subList(at, at + 2).clear();
    return value;
  }
}
