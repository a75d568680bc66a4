package org.ridemarket.loadtest.throughput;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.ridemarket.simulator.Simulation;
import org.ridemarket.simulator.SimulatorConfig;
import org.ridemarket.simulator.city.City;
import org.ridemarket.simulator.cli.CommandLine;
import org.ridemarket.simulator.output.EncodedEvent;
import org.ridemarket.simulator.output.EventSink;
import org.ridemarket.simulator.output.KafkaSink;
import org.ridemarket.simulator.riders.PriceOracle;

/**
 * The benchmark's input: the seeded simulator run at full speed with flat prices, kept in memory in
 * event-time order, so every run of the same options reads the same events; produced once into the
 * fresh topics with the simulator's own producer.
 */
final class FixedInput {

  private final List<EncodedEvent> events;

  private FixedInput(List<EncodedEvent> events) {
    this.events = events;
  }

  /** Simulates with these simulator options (e.g. {@code --duration 10m --drivers 2000}); no Kafka, no services. */
  static FixedInput simulate(List<String> simulatorArgs) {
    return simulate(simulatorArgs, topic -> true);
  }

  /** As above, keeping only the events of the topics {@code keep} accepts. */
  static FixedInput simulate(List<String> simulatorArgs, Predicate<String> keep) {
    List<String> args = new ArrayList<>(simulatorArgs);
    args.addAll(List.of("--no-kafka", "--speed", "max", "--progress", "0"));
    CommandLine.Parsed parsed = CommandLine.parse(args, Map.of(), Path.of(""));
    SimulatorConfig config = parsed.config();
    if (config.duration() == null) {
      throw new IllegalArgumentException("the benchmark needs a bounded input: pass --duration");
    }
    Collected collected = new Collected(keep);
    Simulation simulation = new Simulation(config, City.midtown(config.uberCsv()), List.of(collected),
        PriceOracle.FLAT);
    simulation.run(() -> false, sim -> { });
    simulation.close();
    return new FixedInput(collected.events);
  }

  /** The events, in event-time order. */
  List<EncodedEvent> events() {
    return events;
  }

  /** How many events each topic got, in first-seen order. */
  Map<String, Long> countsByTopic() {
    Map<String, Long> counts = new LinkedHashMap<>();
    events.forEach(event -> counts.merge(event.topic(), 1L, Long::sum));
    return counts;
  }

  /** Events of these topics. */
  long count(List<String> topics) {
    return events.stream().filter(event -> topics.contains(event.topic())).count();
  }

  /**
   * Sends every event of these inputs to Kafka at {@code bootstrapServers}, in order, and waits until all are
   * acknowledged, one request in flight: the topics were created a moment ago ({@link KafkaSink#oneInFlight}).
   */
  static void produce(String bootstrapServers, List<FixedInput> inputs) {
    KafkaSink sink = KafkaSink.oneInFlight(bootstrapServers, "lz4");
    inputs.forEach(input -> input.events.forEach(sink::accept));
    sink.close();
  }

  private static final class Collected implements EventSink {

    private final List<EncodedEvent> events = new ArrayList<>();
    private final Predicate<String> keep;

    Collected(Predicate<String> keep) {
      this.keep = keep;
    }

    @Override
    public void accept(EncodedEvent event) {
      if (keep.test(event.topic())) {
        events.add(event);
      }
    }

    @Override
    public void close() {
    }
  }
}
