package org.ridemarket.models.eta;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ridemarket.contracts.features.EtaFeatures;
import org.ridemarket.contracts.model.ModelArtifact;
import org.ridemarket.contracts.model.ModelArtifacts;
import org.ridemarket.models.OnnxScorer;
import org.ridemarket.routing.GraphHopperRouter;
import org.ridemarket.routing.OsmExtracts;
import org.ridemarket.routing.Router;
import org.ridemarket.simulator.city.CityBox;

/**
 * Scores the published ETA models on real taxi trips: NYC TLC yellow-taxi records of January and February
 * 2019 whose pick-up and drop-off zone centroids both lie in the Midtown box, routed from centroid to
 * centroid, departing at the real pick-up time. No congestion vectors exist for 2019, so every crossed cell
 * is unknown, as for an ETA service whose Redis is empty. Prints a table; writes nothing.
 *
 * <pre>
 *   --tlc DIR          taxi_zones.geojson and yellow_tripdata_sample_2019-0{1,2}.csv (default ../shared/data/nyc-tlc)
 *   --artifacts DIR    the models (default models/artifacts from the repository root)
 *   --name NAME        the point model; the quantiles are NAME-p10 and NAME-p90 (default eta; eta-nyc for the
 *                      models trained on real history)
 *   --version V        version of the three models (default 1)
 *   --graph-cache DIR  GraphHopper's graph cache (default models/target/graph-cache-eta)
 * </pre>
 */
public final class TlcEvaluation {

  /** Shorter trips are mostly meter errors; longer ones in Midtown are waits, not driving. */
  public static final double MIN_SECONDS = 60;
  public static final double MAX_SECONDS = 2 * 3600;
  static final List<String> FILES = List.of("yellow_tripdata_sample_2019-01.csv", "yellow_tripdata_sample_2019-02.csv");

  /** What was read and kept, and the metrics ({@link EtaMetrics#putAll}, suffixes _road and _map_free). */
  public record Report(int read, int kept, long roadFallbacks, Map<String, Double> metrics) {
  }

  private TlcEvaluation() {
  }

  /** Runs the evaluation; exits with 2 on bad options or missing files. */
  public static void main(String[] args) throws IOException {
    boolean fromRoot = Files.isDirectory(Path.of("models"));
    Path tlc = Path.of(fromRoot ? "../shared/data/nyc-tlc" : "../../shared/data/nyc-tlc");
    Path artifacts = fromRoot ? Path.of("models", "artifacts") : Path.of("artifacts");
    Path graphCache = fromRoot ? Path.of("models", "target", "graph-cache-eta") : Path.of("target", "graph-cache-eta");
    String name = "eta";
    String version = "1";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--tlc" -> tlc = Path.of(args[++i]);
        case "--artifacts" -> artifacts = Path.of(args[++i]);
        case "--name" -> name = args[++i];
        case "--version" -> version = args[++i];
        case "--graph-cache" -> graphCache = Path.of(args[++i]);
        default -> {
          System.err.println("tlc evaluation: unknown option " + args[i] + " (see TlcEvaluation's Javadoc)");
          System.exit(2);
        }
      }
    }
    Optional<Path> extract = OsmExtracts.midtown();
    if (extract.isEmpty() || !Files.isDirectory(tlc)) {
      System.err.println("tlc evaluation: needs the Midtown extract and " + tlc.toAbsolutePath());
      System.exit(2);
    }
    try (GraphHopperRouter road = GraphHopperRouter.open(extract.get(), graphCache)) {
      Report report = evaluate(tlc, artifacts, name, version, Optional.of(road));
      System.out.print(table(report));
    }
  }

  /** Reads the TLC files in {@code tlc}, routes and scores the kept trips with the published eta models. */
  public static Report evaluate(Path tlc, Path artifacts, String version, Optional<Router> road) throws IOException {
    return evaluate(tlc, artifacts, "eta", version, road);
  }

  /** Reads the TLC files in {@code tlc}, routes and scores the kept trips with {@code name} and its quantiles. */
  public static Report evaluate(Path tlc, Path artifacts, String name, String version, Optional<Router> road)
      throws IOException {
    TaxiZones zones = TaxiZones.read(tlc.resolve("taxi_zones.geojson"));
    List<TlcTrips.TlcTrip> trips = new ArrayList<>();
    for (String file : FILES) {
      trips.addAll(TlcTrips.read(tlc.resolve(file)));
    }
    List<CompletedTrip> kept = keep(trips, zones, CityBox.MIDTOWN);
    BaselineRoutes routes = new BaselineRoutes(road);
    CellVectorHistory noVectors = new CellVectorHistory();
    List<EtaRow> roadRows = new ArrayList<>();
    List<EtaRow> mapFreeRows = new ArrayList<>();
    for (CompletedTrip trip : kept) {
      Instant departure = Instant.ofEpochMilli(trip.pickedUpAt());
      roadRows.add(EtaRows.row(trip, EtaRow.Pass.ROAD, routes.road(trip.pickup(), trip.dropoff(), departure),
          noVectors));
      mapFreeRows.add(EtaRows.row(trip, EtaRow.Pass.MAP_FREE,
          routes.mapFree(trip.pickup(), trip.dropoff(), departure), noVectors));
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    try (PublishedEta models = PublishedEta.load(artifacts, name, version)) {
      EtaMetrics.putAll(metrics, "_road", roadRows, models.predict(roadRows));
      EtaMetrics.putAll(metrics, "_map_free", mapFreeRows, models.predict(mapFreeRows));
    }
    return new Report(trips.size(), kept.size(), routes.fallbacks(), metrics);
  }

  /** The trips between two different zones whose centroids lie in {@code box}, of a sane duration. */
  public static List<CompletedTrip> keep(List<TlcTrips.TlcTrip> trips, TaxiZones zones, CityBox box) {
    List<CompletedTrip> kept = new ArrayList<>();
    for (int i = 0; i < trips.size(); i++) {
      TlcTrips.TlcTrip trip = trips.get(i);
      double seconds = trip.durationSeconds();
      if (trip.pickupZone() != trip.dropoffZone() && zones.inside(trip.pickupZone(), box)
          && zones.inside(trip.dropoffZone(), box) && seconds >= MIN_SECONDS && seconds <= MAX_SECONDS) {
        long pickup = trip.pickup().toEpochMilli();
        kept.add(new CompletedTrip("tlc-" + i, pickup, pickup, trip.dropoff().toEpochMilli(),
            zones.centroid(trip.pickupZone()), zones.centroid(trip.dropoffZone()), seconds));
      }
    }
    return kept;
  }

  static String table(Report report) {
    Map<String, Double> m = report.metrics();
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
        "NYC TLC yellow taxi, Jan+Feb 2019 samples: %d trips read, %d kept (both zone centroids in the Midtown box,"
            + " different zones, %.0f s..%.0f h); %d road routes fell back to map-free; no congestion vectors%n",
        report.read(), report.kept(), MIN_SECONDS, MAX_SECONDS / 3600, report.roadFallbacks()));
    text.append(String.format(Locale.ROOT, "%-28s %6s %9s %7s %11s %9s %10s%n", "predictor", "trips", "MAE s",
        "MAPE", "median AE s", "p10-p90", "range s"));
    for (String pass : List.of("_road", "_map_free")) {
      String name = pass.equals("_road") ? "road" : "map-free";
      text.append(String.format(Locale.ROOT, "%-28s %6.0f %9.1f %6.1f%% %11.1f %9s %10s%n", name + " baseline",
          m.get("rows" + pass), m.get("mae_seconds_baseline" + pass), 100 * m.get("mape_baseline" + pass),
          m.get("median_abs_error_seconds_baseline" + pass), "", ""));
      text.append(String.format(Locale.ROOT, "%-28s %6.0f %9.1f %6.1f%% %11.1f %8.1f%% %10.1f%n",
          "model on " + name + " baseline", m.get("rows" + pass), m.get("mae_seconds_model" + pass),
          100 * m.get("mape_model" + pass), m.get("median_abs_error_seconds_model" + pass),
          100 * m.get("coverage_p10_p90" + pass), m.get("mean_range_seconds" + pass)));
    }
    return text.toString();
  }

  /** The three published ETA models, scored through ONNX Runtime as the service scores them. */
  record PublishedEta(OnnxScorer point, OnnxScorer p10, OnnxScorer p90) implements AutoCloseable {

    static PublishedEta load(Path artifacts, String name, String version) {
      return new PublishedEta(open(artifacts, name, version), open(artifacts, name + "-p10", version),
          open(artifacts, name + "-p90", version));
    }

    private static OnnxScorer open(Path artifacts, String name, String version) {
      ModelArtifact artifact = ModelArtifacts.load(artifacts, name, version);
      artifact.signature().requireFeatures(EtaFeatures.NAMES);
      return OnnxScorer.open(artifact.onnx(), artifact.signature().inputName(), artifact.signature().outputName(),
          EtaFeatures.NAMES.size());
    }

    List<EtaMetrics.Prediction> predict(List<EtaRow> rows) {
      if (rows.isEmpty()) {
        return List.of();
      }
      float[][] features = rows.stream().map(EtaRow::features).toArray(float[][]::new);
      float[] points = point.score(features);
      float[] lows = p10.score(features);
      float[] highs = p90.score(features);
      List<EtaMetrics.Prediction> predictions = new ArrayList<>(rows.size());
      for (int i = 0; i < points.length; i++) {
        predictions.add(new EtaMetrics.Prediction(points[i], lows[i], highs[i]));
      }
      return predictions;
    }

    @Override
    public void close() {
      point.close();
      p10.close();
      p90.close();
    }
  }
}
