package org.ridemarket.simulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.ridemarket.contracts.topics.Topic;
import org.ridemarket.simulator.city.City;
import org.ridemarket.simulator.cli.CommandLine;
import org.ridemarket.simulator.drivers.SurgeMap;
import org.ridemarket.simulator.output.EncodedEvent;
import org.ridemarket.simulator.output.EventSink;
import org.ridemarket.simulator.progress.Snapshot;
import org.ridemarket.simulator.riders.PriceOracle;

/** Helpers to run the simulator in tests: as fast as possible, no progress lines. */
public final class TestRuns {

  /** Monday 2 November 2026, 07:00 in New York: tests start from here so that the demo's default can move. */
  public static final Instant MONDAY_MORNING = LocalDateTime.of(2026, 11, 2, 7, 0)
      .atZone(SimulatorConfig.NEW_YORK).toInstant();

  private static City builtIn;

  private TestRuns() {
  }

  /** A config for tests: max speed, built-in demand, no Kafka, no progress. */
  public static SimulatorConfigBuilder config(Duration duration) {
    return SimulatorConfig.builder().speed(Double.POSITIVE_INFINITY).duration(duration)
        .start(MONDAY_MORNING).progressInterval(Duration.ZERO);
  }

  /** Midtown with the built-in hotspots, built once per test JVM. */
  public static synchronized City builtInCity() {
    if (builtIn == null) {
      builtIn = City.midtown(null);
    }
    return builtIn;
  }

  /** The Uber pickups file, when this machine has it. */
  public static Optional<Path> uberCsv() {
    return CommandLine.UBER_CANDIDATES.stream().map(Path::of).filter(Files::isRegularFile).findFirst();
  }

  /** Runs the config to its end over {@code city} into {@code sinks}, closes them, and returns the final state. */
  public static Snapshot run(SimulatorConfig config, City city, List<EventSink> sinks, PriceOracle oracle) {
    return run(config, city, sinks, oracle, SurgeMap.NONE);
  }

  /** As above, with idle drivers following {@code surgeMap}. */
  public static Snapshot run(SimulatorConfig config, City city, List<EventSink> sinks, PriceOracle oracle,
      SurgeMap surgeMap) {
    Simulation simulation = new Simulation(config, city, sinks, oracle, surgeMap);
    simulation.run(() -> false, sim -> { });
    simulation.close();
    return simulation.snapshot();
  }

  /** Runs over the built-in city with flat prices. */
  public static Snapshot run(SimulatorConfig config, EventSink... sinks) {
    return run(config, builtInCity(), List.of(sinks), PriceOracle.FLAT);
  }

  /** The value of an event, decoded with its topic's serde. */
  public static <V> V decode(Topic<String, V> topic, EncodedEvent event) {
    return topic.valueSerde().deserializer().deserialize(topic.name(), event.value());
  }
}
