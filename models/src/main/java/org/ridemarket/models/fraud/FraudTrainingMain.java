package org.ridemarket.models.fraud;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ridemarket.contracts.features.VelocityFeatures;
import org.ridemarket.contracts.model.ModelSignature;
import org.ridemarket.models.HistogramBackfill;
import org.ridemarket.models.replay.HistorySource;
import org.ridemarket.simulator.SimulatorConfig;
import org.ridemarket.simulator.Simulation;
import org.ridemarket.simulator.city.City;
import org.ridemarket.simulator.cli.CommandLine;
import org.ridemarket.simulator.fraud.LabelDelay;
import org.ridemarket.simulator.riders.PriceOracle;

/**
 * Retrains the fraud classifier: simulates a seeded history long enough for its chargebacks to arrive (or
 * reads recorded history: an event file, or a time range of Kafka or of the archive), replays the payments
 * through the velocity topology, joins the late labels, trains, gates and publishes. See models/README.md for the
 * command.
 *
 * <pre>
 *   --artifacts DIR     artifact store (default models/artifacts from the repository root)
 *   --version V         version to publish (default 1); published versions are immutable
 *   --days D            days of payments whose labels can all arrive (default 4); the simulation runs on for
 *                       the simulator's longest label delay, so that they do
 *   --events FILE       replay this simulator event file instead of simulating (alias --history), or
 *   --kafka SERVERS, --archive DIR with --from T --to T: a time range of the topics or the raw zone
 *                       ({@link HistorySource}); --from/--to also cut an event file
 *   --label-window D    how long after a payment its label may arrive (default: the simulator's longest
 *                       label delay, 10d); an unlabelled payment younger than this at the end is left out
 *   --dry-run           train and report, publish nothing
 *   --histogram-only    write the training histogram of the published --version, if this history reproduces it
 *   -- ARGS             simulator options (default --seed 11 --start 2026-11-02T00:00); --speed, --duration,
 *                       Kafka and pricing options are overridden
 * </pre>
 */
public final class FraudTrainingMain {

  static final List<String> DEFAULT_SIMULATOR_ARGS = List.of("--seed", "11", "--start", "2026-11-02T00:00");

  private FraudTrainingMain() {
  }

  /** Runs the training job; exits with 2 on bad options. */
  public static void main(String[] args) throws Exception {
    Path artifacts = Files.isDirectory(Path.of("models")) ? Path.of("models", "artifacts") : Path.of("artifacts");
    String version = "1";
    double days = 4;
    HistorySource history = new HistorySource();
    Duration labelWindow = null;
    boolean dryRun = false;
    boolean histogramOnly = false;
    List<String> simulatorArgs = new ArrayList<>(DEFAULT_SIMULATOR_ARGS);
    args = history.take(args);
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--artifacts" -> artifacts = Path.of(args[++i]);
        case "--version" -> version = args[++i];
        case "--days" -> days = Double.parseDouble(args[++i]);
        case "--label-window" -> labelWindow = LabelDelay.parse(args[++i]).max();
        case "--dry-run" -> dryRun = true;
        case "--histogram-only" -> histogramOnly = true;
        case "--" -> {
          simulatorArgs.addAll(Arrays.asList(args).subList(i + 1, args.length));
          i = args.length;
        }
        default -> {
          System.err.println("fraud training: unknown option " + args[i] + " (see FraudTrainingMain's Javadoc)");
          System.exit(2);
        }
      }
    }
    long started = System.nanoTime();
    FraudHistory fraudHistory;
    String trainedOn;
    if (history.named()) {
      history.exitOnProblem("fraud training");
      fraudHistory = new FraudHistory(new VelocityReplay(),
          labelWindow != null ? labelWindow : LabelDelay.DEFAULT.max());
      history.replay(FraudHistory.TOPICS, fraudHistory::accept);
      fraudHistory.close();
      trainedOn = "payments replayed from " + history.describe();
    } else {
      trainedOn = "the simulated city, simulator options " + String.join(" ", simulatorArgs);
      fraudHistory = simulate(simulatorArgs, Duration.ofMinutes((long) (days * 24 * 60)), labelWindow);
    }
    List<FraudRow> rows = fraudHistory.rows();
    System.out.printf(Locale.ROOT, "replayed %d events, %d payments, %d labels in %.0f s; %d payments labelled"
        + " (%d frauds), %d too young to know%n", fraudHistory.events(), fraudHistory.payments(),
        fraudHistory.labels(), seconds(started), rows.size(), rows.stream().filter(FraudRow::fraud).count(),
        fraudHistory.payments() - rows.size());

    FraudTrainer.Result result = FraudTrainer.train(rows);
    System.out.println(report(result));
    if (histogramOnly) {
      System.out.println("wrote " + HistogramBackfill.write(artifacts, "fraud", version, result.booster(),
          VelocityFeatures.NAMES, result.train().stream().map(FraudRow::features).toArray(float[][]::new)));
      return;
    }
    if (dryRun) {
      return;
    }
    ModelSignature published = FraudTrainer.publish(result, artifacts, version, trainedOn,
        fraudHistory.replay().settings().signatureSettings());
    System.out.printf(Locale.ROOT, "published %s into %s (gate: %s) after %.0f s%n", published.id(),
        artifacts.toAbsolutePath(), published.gate().summary(), seconds(started));
  }

  /**
   * Simulates {@code labelled} of payments and then the longest label delay more (flat prices), through a
   * fresh history; the label window is {@code labelWindow}, or the simulator's longest label delay if null.
   */
  static FraudHistory simulate(List<String> simulatorArgs, Duration labelled, Duration labelWindow) {
    SimulatorConfig parsed = CommandLine.parse(simulatorArgs, Map.of(), Path.of("")).config();
    Duration window = labelWindow != null ? labelWindow : parsed.labelDelay().max();
    City city = City.midtown(parsed.uberCsv());
    SimulatorConfig config = parsed.toBuilder().speed(Double.POSITIVE_INFINITY).duration(labelled.plus(window))
        .kafkaBootstrap(null).out(null).pricingUrl(null).progressInterval(Duration.ZERO).build();
    System.out.printf(Locale.ROOT, "simulating %s from %s (%s labelled + %s for the labels), seed %d, fraud share"
        + " %.3f, label delay %s..%s, demand %s%n", config.duration(), config.start(), labelled, window,
        config.seed(), config.fraudShare(), config.labelDelay().min(), config.labelDelay().max(),
        city.demand().source());
    FraudHistory history = new FraudHistory(new VelocityReplay(), window, config.start().plus(labelled).toEpochMilli());
    Simulation simulation = new Simulation(config, city, List.of(history), PriceOracle.FLAT);
    simulation.run(() -> false, tick -> { });
    // closes the history's replay too; its rows are kept
    simulation.close();
    return history;
  }

  static String report(FraudTrainer.Result result) {
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
        "trained on %s .. %s; held out the last %s of labelled payments:%n", result.trainedFrom(),
        result.trainedTo(), FraudTrainer.HELD_OUT));
    result.metrics().forEach((name, value) -> text.append(String.format(Locale.ROOT, "  %-45s %.4f%n", name, value)));
    return text.toString();
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }
}
