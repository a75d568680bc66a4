package org.ridemarket.models.eta;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ridemarket.contracts.features.EtaFeatures;
import org.ridemarket.contracts.model.ModelSignature;
import org.ridemarket.models.HistogramBackfill;
import org.ridemarket.models.replay.HistorySource;
import org.ridemarket.routing.GraphHopperRouter;
import org.ridemarket.routing.OsmExtracts;
import org.ridemarket.routing.Router;
import org.ridemarket.simulator.SimulatorConfig;
import org.ridemarket.simulator.Simulation;
import org.ridemarket.simulator.city.City;
import org.ridemarket.simulator.cli.CommandLine;
import org.ridemarket.simulator.riders.PriceOracle;
import org.ridemarket.topologies.congestion.CongestionSettings;

/**
 * Retrains the ETA models: simulates a seeded history (or replays recorded history) through the congestion
 * topology, routes every completed trip with the road router and the map-free router, trains the point and
 * p10/p90 residual models, calibrates, gates and publishes eta, eta-p10 and eta-p90. See models/README.md.
 *
 * <pre>
 *   --artifacts DIR     artifact store (default models/artifacts from the repository root)
 *   --version V         version to publish (default 1); published versions are immutable
 *   --days D            simulated days (default 1: a Monday from midnight)
 *   --hours H           simulated hours instead of days (at least 4: a cycle of split blocks is 200 min)
 *   --events FILE       replay this simulator event file instead of simulating (alias --history), or
 *   --kafka SERVERS, --archive DIR with --from T --to T: a time range of the topics or the raw zone
 *                       ({@link HistorySource}); --from/--to also cut an event file
 *   --graph-cache DIR   GraphHopper's graph cache (default models/target/graph-cache-eta)
 *   --dry-run           train and report, publish nothing
 *   --histogram-only    write the training histograms of the published --version (eta, eta-p10, eta-p90), if
 *                       this history reproduces them
 *   -- ARGS             simulator options (default --seed 7 --start 2026-11-02T00:00); --speed, --duration,
 *                       Kafka and pricing options are overridden
 * </pre>
 * The road router needs the Midtown extract ({@link OsmExtracts#midtown()}); without it the job stops.
 */
public final class EtaTrainingMain {

  static final List<String> DEFAULT_SIMULATOR_ARGS = List.of("--seed", "7", "--start", "2026-11-02T00:00");

  private EtaTrainingMain() {
  }

  /** Runs the training job; exits with 2 on bad options or without the extract. */
  public static void main(String[] args) throws Exception {
    boolean fromRoot = Files.isDirectory(Path.of("models"));
    Path artifacts = fromRoot ? Path.of("models", "artifacts") : Path.of("artifacts");
    Path graphCache = fromRoot ? Path.of("models", "target", "graph-cache-eta") : Path.of("target", "graph-cache-eta");
    String version = "1";
    double hours = 24;
    HistorySource history = new HistorySource();
    boolean dryRun = false;
    boolean histogramOnly = false;
    List<String> simulatorArgs = new ArrayList<>(DEFAULT_SIMULATOR_ARGS);
    args = history.take(args);
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--artifacts" -> artifacts = Path.of(args[++i]);
        case "--version" -> version = args[++i];
        case "--days" -> hours = 24 * Double.parseDouble(args[++i]);
        case "--hours" -> hours = Double.parseDouble(args[++i]);
        case "--graph-cache" -> graphCache = Path.of(args[++i]);
        case "--dry-run" -> dryRun = true;
        case "--histogram-only" -> histogramOnly = true;
        case "--" -> {
          simulatorArgs.addAll(Arrays.asList(args).subList(i + 1, args.length));
          i = args.length;
        }
        default -> {
          System.err.println("eta training: unknown option " + args[i] + " (see EtaTrainingMain's Javadoc)");
          System.exit(2);
        }
      }
    }
    Optional<Path> extract = OsmExtracts.midtown();
    if (extract.isEmpty()) {
      System.err.println("eta training: no OpenStreetMap extract (../shared/data/osm/" + OsmExtracts.MIDTOWN_FILE
          + ", or -D" + OsmExtracts.FILE_PROPERTY + "); the road baseline needs it");
      System.exit(2);
    }
    long started = System.nanoTime();
    EtaHistory etaHistory = new EtaHistory(new CongestionReplay());
    if (history.named()) {
      history.exitOnProblem("eta training");
      history.replay(EtaHistory.TOPICS, etaHistory::accept);
    } else {
      simulate(simulatorArgs, Duration.ofMinutes(Math.round(hours * 60)), etaHistory);
    }
    List<CompletedTrip> trips = etaHistory.completedTrips();
    CellVectorHistory vectors = etaHistory.vectors();
    System.out.printf(Locale.ROOT, "replayed %d events (%d piped, %d parked pings left out), %d vectors, %d completed"
            + " trips in %.0f s%n", etaHistory.events(), etaHistory.replay().piped(), etaHistory.replay().skipped(),
        vectors.size(), trips.size(), seconds(started));
    etaHistory.close();

    List<EtaRow> rows = routedRows(trips, vectors, extract.get(), graphCache);
    EtaTrainer.Result result = EtaTrainer.train(rows);
    System.out.println(report(result));
    if (histogramOnly) {
      float[][] training = result.split().train().stream().map(EtaRow::features).toArray(float[][]::new);
      System.out.println("wrote " + HistogramBackfill.write(artifacts, "eta", version, result.point(),
          EtaFeatures.NAMES, training));
      System.out.println("wrote " + HistogramBackfill.write(artifacts, "eta-p10", version, result.p10(),
          EtaFeatures.NAMES, training));
      System.out.println("wrote " + HistogramBackfill.write(artifacts, "eta-p90", version, result.p90(),
          EtaFeatures.NAMES, training));
      return;
    }
    if (dryRun) {
      return;
    }
    String source = history.named() ? "replayed from " + history.describe()
        : String.format(Locale.ROOT, "simulated city, %.0f h, simulator %s", hours, String.join(" ", simulatorArgs));
    for (ModelSignature published : EtaTrainer.publish(result, artifacts, "eta", version, source,
        CongestionSettings.defaults().signatureSettings())) {
      System.out.printf(Locale.ROOT, "published %s into %s (gate: %s)%n", published.id(),
          artifacts.toAbsolutePath(), published.gate().summary());
    }
    System.out.printf(Locale.ROOT, "done after %.0f s%n", seconds(started));
  }

  /** The rows of {@code trips}, routed by the road router on {@code extract} and by the map-free router. */
  static List<EtaRow> routedRows(List<CompletedTrip> trips, CellVectorHistory vectors, Path extract, Path graphCache) {
    try (GraphHopperRouter road = GraphHopperRouter.open(extract, graphCache)) {
      BaselineRoutes routes = new BaselineRoutes(Optional.<Router>of(road));
      List<EtaRow> rows = EtaRows.of(trips, vectors, routes);
      System.out.printf(Locale.ROOT, "routed %d trips twice (%d road routes fell back to map-free) -> %d rows%n",
          trips.size(), routes.fallbacks(), rows.size());
      return rows;
    }
  }

  /** Simulates {@code length} of history into {@code sink}, flat prices, no spikes. */
  static void simulate(List<String> simulatorArgs, Duration length, EtaHistory sink) {
    SimulatorConfig parsed = CommandLine.parse(simulatorArgs, Map.of(), Path.of("")).config();
    City city = City.midtown(parsed.uberCsv());
    SimulatorConfig config = parsed.toBuilder().speed(Double.POSITIVE_INFINITY).duration(length)
        .kafkaBootstrap(null).out(null).groundTruth(null).pricingUrl(null).progressInterval(Duration.ZERO).build();
    System.out.printf(Locale.ROOT, "simulating %s from %s, seed %d, demand %s%n", length, config.start(),
        config.seed(), city.demand().source());
    Simulation simulation = new Simulation(config, city, List.of(sink), PriceOracle.FLAT);
    simulation.run(() -> false, tick -> { });
    simulation.flush();
  }

  static String report(EtaTrainer.Result result) {
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
        "trained on %s .. %s, point model %s; metrics (held-out unless named calibration):%n",
        result.trainedFrom(), result.trainedTo(), result.pointObjective()));
    result.metrics().forEach((name, value) -> text.append(String.format(Locale.ROOT, "  %-42s %.4f%n", name, value)));
    return text.toString();
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }
}
