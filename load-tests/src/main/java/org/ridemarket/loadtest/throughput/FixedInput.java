package org.ridemarket.loadtest.throughput;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    List<String> args = new ArrayList<>(simulatorArgs);
    args.addAll(List.of("--no-kafka", "--speed", "max", "--progress", "0"));
    CommandLine.Parsed parsed = CommandLine.parse(args, Map.of(), Path.of(""));
    SimulatorConfig config = parsed.config();
    if (config.duration() == null) {
      throw new IllegalArgumentException("the benchmark needs a bounded input: pass --duration");
    }
    Collected collected = new Collected();
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

  /** Sends every event to Kafka at {@code bootstrapServers} and waits until all are acknowledged. */
  void produce(String bootstrapServers) {
    KafkaSink sink = new KafkaSink(bootstrapServers, "lz4", 0);
    events.forEach(sink::accept);
    sink.close();
  }

  private static final class Collected implements EventSink {

    private final List<EncodedEvent> events = new ArrayList<>();

    @Override
    public void accept(EncodedEvent event) {
      events.add(event);
    }

    @Override
    public void close() {
    }
  }
}
