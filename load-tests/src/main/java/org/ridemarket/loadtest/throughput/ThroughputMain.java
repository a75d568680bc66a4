package org.ridemarket.loadtest.throughput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.streams.state.Stores;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.loadtest.bench.Machine;
import org.ridemarket.stack.LocalStack;
import org.ridemarket.stack.StackSettings;
import org.ridemarket.topologies.congestion.CongestionSettings;
import org.ridemarket.topologies.congestion.CongestionTopology;
import org.ridemarket.topologies.supplydemand.SupplyDemandSettings;
import org.ridemarket.topologies.supplydemand.SupplyDemandTopology;
import org.ridemarket.topologies.velocity.VelocitySettings;
import org.ridemarket.topologies.velocity.VelocityTopology;

/**
 * Throughput of each feature topology on this machine: a fixed simulated input (the arguments are
 * simulator options, e.g. {@code --duration 10m --drivers 2000 --demand-scale 10}) produced into the fresh
 * topics of a stack of its own (Kafka, Redis and PostgreSQL on random ports, on the same cores), then each
 * topology drained as its own exactly-once application, one after the other; then the training path,
 * the same events through the models module's replays. Payments come from a longer, busier run of their own
 * ({@code -Dthroughput.velocity-args}), since a realistic input has about one per trip. Prints a Markdown report.
 */
public final class ThroughputMain {

  static final List<String> SUPPLY_DEMAND_INPUTS = List.of(Topics.RIDE_REQUESTS.name(), Topics.TRIP_EVENTS.name(),
      Topics.DRIVER_LOCATIONS.name());
  // the velocity topology reads the labels too (label feedback, ADR 0023)
  static final List<String> VELOCITY_INPUTS = List.of(Topics.PAYMENTS.name(), Topics.FRAUD_LABELS.name());
  static final List<String> CONGESTION_INPUTS = List.of(Topics.TRIP_EVENTS.name(), Topics.DRIVER_LOCATIONS.name());
  static final String VELOCITY_ARGS = "--duration 2h --drivers 4000 --demand-scale 40 --seed 43";

  private ThroughputMain() {
  }

  /** Runs the benchmark; the arguments go to the simulator. */
  public static void main(String[] args) throws Exception {
    List<String> simulatorArgs = Arrays.asList(args);
    // Payments are about one per trip, too few in any input that keeps the other topologies' runs short: the
    // velocity topology gets a longer, busier run of its own (payments only), and the main input none.
    List<String> velocityArgs = Arrays.asList(System.getProperty("throughput.velocity-args", VELOCITY_ARGS).split(" "));
    List<String> report = new ArrayList<>();
    report.add("# Topology throughput, " + java.time.Instant.now());
    report.add("");
    report.add("machine: " + Machine.description() + "; load average at the start " + Machine.loadAverage());
    report.add("input: simulator " + String.join(" ", simulatorArgs) + " --speed max (flat prices), without payments; "
        + "velocity's: simulator " + String.join(" ", velocityArgs) + ", payments only");
    long simulating = System.nanoTime();
    FixedInput input = FixedInput.simulate(simulatorArgs, topic -> !VELOCITY_INPUTS.contains(topic));
    FixedInput payments = FixedInput.simulate(velocityArgs, VELOCITY_INPUTS::contains);
    report.add(String.format(Locale.ROOT, "simulated in %.1f s: %s, %s", (System.nanoTime() - simulating) / 1e9,
        input.countsByTopic(), payments.countsByTopic()));
    Path dir = Files.createTempDirectory("ridemarket-throughput");
    try (LocalStack stack = LocalStack.start(StackSettings.randomPorts(dir.resolve("stack")))) {
      String bootstrap = stack.endpoints().kafkaBootstrapServers();
      long producing = System.nanoTime();
      FixedInput.produce(bootstrap, List.of(input, payments));
      report.add(String.format(Locale.ROOT, "produced %d events into the fresh topics in %.1f s",
          input.events().size() + payments.events().size(), (System.nanoTime() - producing) / 1e9));
      report.add("");
      report.add("| topology (own exactly-once app) | input records | RUNNING to drained | records/s | "
          + "records/s between 10 % and 90 % | load average after |");
      report.add("|---|---|---|---|---|---|");
      List<TopologyDrain.Result> drains = List.of(
          TopologyDrain.drain("supply-demand", () -> SupplyDemandTopology.build(SupplyDemandSettings.defaults(),
              Stores::persistentKeyValueStore), SUPPLY_DEMAND_INPUTS, bootstrap, dir),
          TopologyDrain.drain("velocity", () -> VelocityTopology.build(VelocitySettings.defaults(),
              Stores::persistentKeyValueStore), VELOCITY_INPUTS, bootstrap, dir),
          TopologyDrain.drain("congestion", () -> CongestionTopology.build(CongestionSettings.defaults(),
              Stores::persistentKeyValueStore), CONGESTION_INPUTS, bootstrap, dir));
      for (TopologyDrain.Result drain : drains) {
        report.add(String.format(Locale.ROOT, "| %s | %d | %.1f s | %.0f | %.0f | %s |", drain.name(),
            drain.records(), drain.runningToDrainedSeconds(), drain.recordsPerSecond(),
            drain.steadyRecordsPerSecond(), drain.loadAverageAfter()));
      }
    }
    report.add("");
    report.add("| replay (training path) | events of its topics | piped into the driver | seconds | events/s | "
        + "piped/s |");
    report.add("|---|---|---|---|---|---|");
    for (ReplayRun.Result replay : List.of(
        ReplayRun.supplyDemand(input.events(), SUPPLY_DEMAND_INPUTS),
        ReplayRun.velocity(payments.events(), VELOCITY_INPUTS),
        ReplayRun.congestion(input.events(), CONGESTION_INPUTS))) {
      report.add(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.0f | %.0f |", replay.name(), replay.offered(),
          replay.piped(), replay.seconds(), replay.offeredPerSecond(), replay.pipedPerSecond()));
    }
    report.add("");
    report.add("load average at the end " + Machine.loadAverage());
    report.forEach(System.out::println);
    deleteQuietly(dir);
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      System.err.println("left " + dir + ": " + e.getMessage());
    }
  }
}
