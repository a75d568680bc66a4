package org.ridemarket.models.surge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ridemarket.contracts.features.SupplyDemandFeatures;
import org.ridemarket.contracts.model.ModelSignature;
import org.ridemarket.models.HistogramBackfill;
import org.ridemarket.models.replay.HistorySource;
import org.ridemarket.simulator.SimulatorConfig;
import org.ridemarket.simulator.SimulatorConfigBuilder;
import org.ridemarket.simulator.Simulation;
import org.ridemarket.simulator.city.City;
import org.ridemarket.simulator.cli.CommandLine;
import org.ridemarket.simulator.riders.PriceOracle;
import org.ridemarket.simulator.riders.RiderPopulation;
import org.ridemarket.topologies.supplydemand.SupplyDemandSettings;

/**
 * Retrains the surge model: simulates a seeded history with scattered demand spikes (or replays an
 * event file), replays it through the supply/demand topology, labels it in hindsight, trains,
 * gates and publishes. See models/README.md for the command.
 *
 * <pre>
 *   --artifacts DIR   artifact store (default models/artifacts from the repository root)
 *   --version V       version to publish (default 1); published versions are immutable
 *   --hours H         simulated history (default 14: 06:00 to 20:00)
 *   --events FILE     replay this simulator event file instead of simulating (alias --history), or
 *   --kafka SERVERS, --archive DIR with --from T --to T: a time range of the topics or the raw zone
 *                     ({@link HistorySource}); --from/--to also cut an event file
 *   --dry-run         train and report, publish nothing
 *   --histogram-only  write the training histogram of the published --version, if this history reproduces it
 *   -- ARGS           simulator options (default --seed 7 --start 2026-11-02T06:00); --speed, --duration,
 *                     Kafka and pricing options are overridden
 * </pre>
 */
public final class SurgeTrainingMain {

  static final List<String> DEFAULT_SIMULATOR_ARGS = List.of("--seed", "7", "--start", "2026-11-02T06:00");

  private SurgeTrainingMain() {
  }

  /** Runs the training job; exits with 2 on bad options. */
  public static void main(String[] args) throws Exception {
    Path artifacts = Files.isDirectory(Path.of("models")) ? Path.of("models", "artifacts") : Path.of("artifacts");
    String version = "1";
    double hours = 14;
    HistorySource history = new HistorySource();
    boolean dryRun = false;
    boolean histogramOnly = false;
    List<String> simulatorArgs = new ArrayList<>(DEFAULT_SIMULATOR_ARGS);
    args = history.take(args);
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--artifacts" -> artifacts = Path.of(args[++i]);
        case "--version" -> version = args[++i];
        case "--hours" -> hours = Double.parseDouble(args[++i]);
        case "--dry-run" -> dryRun = true;
        case "--histogram-only" -> histogramOnly = true;
        case "--" -> {
          simulatorArgs.addAll(Arrays.asList(args).subList(i + 1, args.length));
          i = args.length;
        }
        default -> {
          System.err.println("surge training: unknown option " + args[i] + " (see SurgeTrainingMain's Javadoc)");
          System.exit(2);
        }
      }
    }
    long started = System.nanoTime();
    SurgeHistory surgeHistory = new SurgeHistory(new SupplyDemandReplay());
    String trainedOn;
    if (history.named()) {
      history.exitOnProblem("surge training");
      history.replay(SurgeHistory.TOPICS, surgeHistory::accept);
      trainedOn = "rides replayed from " + history.describe();
    } else {
      trainedOn = "the simulated city with training spikes, simulator options " + String.join(" ", simulatorArgs);
      simulate(simulatorArgs, Duration.ofMinutes((long) (hours * 60)), surgeHistory);
    }
    System.out.printf(Locale.ROOT, "replayed %d events (%d piped, %d pings thinned) in %.0f s%n",
        surgeHistory.events(), surgeHistory.replay().piped(), surgeHistory.replay().thinned(), seconds(started));

    SupplyDemandSettings settings = surgeHistory.replay().settings();
    List<SurgeRow> rows = surgeHistory.rows(new BalancingMultiplier(RiderPopulation::acceptShare, SurgeTrainer.CAP));
    surgeHistory.close();
    SurgeTrainer.Result result = SurgeTrainer.train(rows);
    System.out.println(report(result));
    if (histogramOnly) {
      System.out.println("wrote " + HistogramBackfill.write(artifacts, "surge", version, result.booster(),
          SupplyDemandFeatures.NAMES, SurgeTrainer.requestWeighted(result.train())));
      return;
    }
    if (dryRun) {
      return;
    }
    ModelSignature published = SurgeTrainer.publish(result, artifacts, version, trainedOn,
        settings.signatureSettings());
    System.out.printf(Locale.ROOT, "published %s into %s (gate: %s) after %.0f s%n", published.id(),
        artifacts.toAbsolutePath(), published.gate().summary(), seconds(started));
  }

  /** Simulates {@code length} of history with training spikes into {@code sink}, flat prices. */
  static void simulate(List<String> simulatorArgs, Duration length, SurgeHistory sink) {
    SimulatorConfig parsed = CommandLine.parse(simulatorArgs, Map.of(), Path.of("")).config();
    City city = City.midtown(parsed.uberCsv());
    SimulatorConfigBuilder builder = parsed.toBuilder().speed(Double.POSITIVE_INFINITY).duration(length)
        .kafkaBootstrap(null).out(null).groundTruth(null).pricingUrl(null).progressInterval(Duration.ZERO);
    List<String> cells = new ArrayList<>();
    for (int cell = 0; cell < city.cells().count(); cell++) {
      cells.add(city.cells().address(cell));
    }
    TrainingSpikes.schedule(cells, length, parsed.seed()).forEach(builder::spike);
    SimulatorConfig config = builder.build();
    System.out.printf(Locale.ROOT, "simulating %s from %s, seed %d, %d spikes, demand %s%n", length, config.start(),
        config.seed(), config.spikes().size(), city.demand().source());
    Simulation simulation = new Simulation(config, city, List.of(sink), PriceOracle.FLAT);
    simulation.run(() -> false, tick -> { });
    simulation.flush();
  }

  static String report(SurgeTrainer.Result result) {
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
        "trained on %s .. %s; held-out metrics (label: balancing multiplier over the next %d min):%n",
        result.trainedFrom(), result.trainedTo(), SurgeHistory.HORIZON.toMinutes()));
    result.metrics().forEach((name, value) -> text.append(String.format(Locale.ROOT, "  %-20s %.4f%n", name, value)));
    return text.toString();
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }
}
