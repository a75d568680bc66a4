package org.ridemarket.models.eta;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ridemarket.contracts.features.EtaFeatures;
import org.ridemarket.contracts.model.ModelSignature;
import org.ridemarket.models.replay.HistorySource;
import org.ridemarket.routing.EtaScoring;
import org.ridemarket.routing.GeoPoint;
import org.ridemarket.routing.OsmExtracts;
import org.ridemarket.simulator.city.CityBox;
import org.ridemarket.topologies.congestion.CongestionSettings;

/**
 * Trains the ETA models on real history: an event file of imported NYC TLC trips (importers' {@code tlc --out}), or
 * an event-time range of the input topics read from Kafka (importers' {@code tlc --kafka}) or from the archive,
 * replayed through the congestion topology, the trips between two Midtown zones routed by the road and
 * map-free routers as the service routes them, point-in-time rows, then trained on every week before
 * {@code --test-from} (each fourth week calibrates), evaluated on [{@code --test-from}, {@code --test-to}) and
 * published under their own names ({@code eta-nyc}, {@code eta-nyc-p10}, {@code eta-nyc-p90}) with the history
 * and the topology settings in their signatures. See models/README.md, "ETA on real history".
 *
 * <pre>
 *   --events FILE       the imported event file (alias --history), or:
 *   --kafka SERVERS     read the input topics instead, the event-time range --from .. --to (offsetsForTimes)
 *   --archive DIR       read the archiver's raw zone instead, the same range
 *   --from T, --to T    the range, a local New York date (2018-01-01) or an instant (2018-01-01T05:00:00Z)
 *                       ({@link HistorySource}); they also cut an event file
 *   --test-from DATE    first local date of the test (default 2019-01-01)
 *   --test-to DATE      first local date after the test (default 2019-03-01)
 *   --name NAME         the point model's name; the quantiles are NAME-p10, NAME-p90 (default eta-nyc)
 *   --version V         version to publish (default 1)
 *   --artifacts DIR     artifact store (default models/artifacts from the repository root)
 *   --graph-cache DIR   GraphHopper's graph cache (default models/target/graph-cache-eta)
 *   --dry-run           train and report, publish nothing
 *   --no-vectors        build every row as if Redis held no congestion vector (what the trip speeds add)
 *   --boosting B        fine (default: 300 rounds at 0.05, eta-nyc-1's recipe) or compact (150 at 0.1, ADR 0036)
 * </pre>
 */
public final class EtaRealTrainingMain {

  private EtaRealTrainingMain() {
  }

  /** Runs the job; exits with 2 on bad options, without the history or without the extract. */
  public static void main(String[] args) throws Exception {
    boolean fromRoot = Files.isDirectory(Path.of("models"));
    Path artifacts = fromRoot ? Path.of("models", "artifacts") : Path.of("artifacts");
    Path graphCache = fromRoot ? Path.of("models", "target", "graph-cache-eta") : Path.of("target", "graph-cache-eta");
    HistorySource history = new HistorySource();
    LocalDate testFrom = LocalDate.of(2019, 1, 1);
    LocalDate testTo = LocalDate.of(2019, 3, 1);
    String name = "eta-nyc";
    String version = "1";
    boolean dryRun = false;
    boolean noVectors = false;
    EtaTrainer.Boosting boosting = EtaTrainer.Boosting.FINE;
    args = history.take(args);
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--test-from" -> testFrom = LocalDate.parse(args[++i]);
        case "--test-to" -> testTo = LocalDate.parse(args[++i]);
        case "--name" -> name = args[++i];
        case "--version" -> version = args[++i];
        case "--artifacts" -> artifacts = Path.of(args[++i]);
        case "--graph-cache" -> graphCache = Path.of(args[++i]);
        case "--dry-run" -> dryRun = true;
        case "--no-vectors" -> noVectors = true;
        case "--boosting" -> {
          try {
            boosting = EtaTrainer.Boosting.named(args[++i]);
          } catch (IllegalArgumentException e) {
            fail("--boosting: " + e.getMessage());
          }
        }
        default -> fail("unknown option " + args[i] + " (see EtaRealTrainingMain's Javadoc)");
      }
    }
    String problem = history.problem();
    if (problem != null) {
      fail(problem + "; e.g. the imported event file of java -jar importers/target/importers.jar tlc --out"
          + " /tmp/tlc.events.gz ../shared/data/nyc-tlc/yellow_tripdata_sample_201*.csv");
    }
    Optional<Path> extract = OsmExtracts.midtown();
    if (extract.isEmpty()) {
      fail("no OpenStreetMap extract (../shared/data/osm/" + OsmExtracts.MIDTOWN_FILE + "); the router needs it");
    }
    long started = System.nanoTime();
    CongestionSettings settings = CongestionSettings.defaults();
    EtaHistory replayed = new EtaHistory(new CongestionReplay(settings, true));
    history.replay(EtaHistory.TOPICS, replayed::accept);
    String source = history.describe();
    List<CompletedTrip> trips = midtown(replayed.completedTrips());
    CellVectorHistory vectors = replayed.vectors();
    System.out.printf(Locale.ROOT, "replayed %d events (%d piped), %d vectors, %d completed trips, %d between two"
            + " Midtown zones, in %.0f s%n", replayed.events(), replayed.replay().piped(), vectors.size(),
        replayed.completedTrips().size(), trips.size(), seconds(started));
    replayed.close();

    List<EtaRow> rows = EtaTrainingMain.routedRows(trips, noVectors ? new CellVectorHistory() : vectors,
        extract.get(), graphCache);
    if (rows.isEmpty()) {
      fail("no completed trip between two Midtown zones in " + source);
    }
    Instant testStart = testFrom.atStartOfDay(EtaScoring.ZONE).toInstant();
    Instant testEnd = testTo.atStartOfDay(EtaScoring.ZONE).toInstant();
    EtaSplit split = RealHistorySplit.of(rows, testStart, testEnd);
    Instant trainedFrom = Instant.ofEpochMilli(rows.get(0).time());
    // FINE by default: the recipe eta-nyc-1 was published and evaluated with (models/README.md).
    EtaTrainer.Result result = EtaTrainer.train(split, trainedFrom, testStart, boosting);
    RealHistoryReport report = report(result);
    result.metrics().putAll(report.metrics());
    System.out.println(EtaTrainingMain.report(result));
    System.out.printf(Locale.ROOT, "test: requests from %s to %s (local), %d trips; trained on %d trips, calibrated"
        + " on %d%n", testFrom, testTo, split.heldOut().size() / 2, split.train().size() / 2,
        split.calibration().size() / 2);
    System.out.printf(Locale.ROOT, "congestion signal on the test trips' road rows: %.1f%% know a realised trip speed"
            + " on the route (60 min), %.1f%% in the origin cell, %.1f%% a driver speed (15 min)%n",
        100 * known(split.heldOut(), EtaFeatures.ROUTE_TRIP_SPEED_60M),
        100 * known(split.heldOut(), EtaFeatures.ORIGIN_TRIP_SPEED_60M),
        100 * known(split.heldOut(), EtaFeatures.ROUTE_SPEED_15M));
    System.out.print(report.table());
    if (dryRun || noVectors) {
      // a model that never saw a vector is an experiment, not one to serve beside a live Redis
      return;
    }
    String trained = String.format(Locale.ROOT, "NYC TLC yellow-taxi trips between two Midtown zones, requested %s"
        + " .. %s, replayed from %s", trainedFrom.atZone(EtaScoring.ZONE).toLocalDate(), testFrom, source);
    for (ModelSignature published : EtaTrainer.publish(result, artifacts, name, version, trained,
        settings.signatureSettings())) {
      System.out.printf(Locale.ROOT, "published %s into %s (gate: %s)%n", published.id(),
          artifacts.toAbsolutePath(), published.gate().summary());
    }
    System.out.printf(Locale.ROOT, "done after %.0f s%n", seconds(started));
  }

  /** The trips between two different Midtown zones (centroids inside the box) of a sane duration. */
  static List<CompletedTrip> midtown(List<CompletedTrip> trips) {
    List<CompletedTrip> kept = new ArrayList<>();
    for (CompletedTrip trip : trips) {
      if (!trip.pickup().equals(trip.dropoff()) && inside(trip.pickup()) && inside(trip.dropoff())
          && trip.durationSeconds() >= TlcEvaluation.MIN_SECONDS && trip.durationSeconds() <= TlcEvaluation.MAX_SECONDS) {
        kept.add(trip);
      }
    }
    return kept;
  }

  private static boolean inside(GeoPoint point) {
    return CityBox.MIDTOWN.contains(point.lat(), point.lon());
  }

  private static RealHistoryReport report(EtaTrainer.Result result) {
    EtaSplit split = result.split();
    List<EtaRow> road = split.heldOut().stream().filter(row -> row.pass() == EtaRow.Pass.ROAD).toList();
    List<EtaRow> mapFree = split.heldOut().stream().filter(row -> row.pass() == EtaRow.Pass.MAP_FREE).toList();
    HourlySpeedBaseline hourly = HourlySpeedBaseline.fit(
        split.train().stream().filter(row -> row.pass() == EtaRow.Pass.ROAD).toList());
    return new RealHistoryReport(road, EtaTrainer.predictions(result.point(), result.p10(), result.p90(), road),
        mapFree, EtaTrainer.predictions(result.point(), result.p10(), result.p90(), mapFree), hourly);
  }

  /** Share of the road rows whose feature {@code name} is known (not NaN). */
  private static double known(List<EtaRow> rows, String name) {
    int at = EtaFeatures.indexOf(name);
    List<EtaRow> road = rows.stream().filter(row -> row.pass() == EtaRow.Pass.ROAD).toList();
    return road.isEmpty() ? Double.NaN : road.stream().filter(row -> !Float.isNaN(row.features()[at])).count()
        / (double) road.size();
  }

  private static void fail(String message) {
    System.err.println("eta real-history training: " + message);
    System.exit(2);
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }
}
