package org.ridemarket.models.eta;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.ridemarket.routing.GraphHopperRouter;
import org.ridemarket.routing.OsmExtracts;

/** The TLC evaluation on the real samples and the committed models; skipped without the shared data. */
class TlcEvaluationTest {

  private static final Path TLC = Path.of("../../shared/data/nyc-tlc");

  @Test
  void shouldScoreTheCommittedModelsOnRealMidtownTaxiTrips() throws Exception {
    TlcEvaluation.Report report = evaluate("eta");

    // a few hundred of the 20,000 sampled trips start and end in Midtown
    assertThat(report.read()).isGreaterThan(19_000);
    assertThat(report.kept()).isBetween(100, 5_000);
    assertThat(report.metrics().get("rows_road")).isEqualTo((double) report.kept());
    for (String name : new String[] {"mae_seconds_baseline_road", "mae_seconds_model_road",
        "mae_seconds_baseline_map_free", "mae_seconds_model_map_free", "coverage_p10_p90_road"}) {
      assertThat(report.metrics().get(name)).as(name).isFinite().isPositive();
    }
    assertThat(report.metrics().get("mae_seconds_model_road")).isLessThan(1_800.0);
    assertThat(TlcEvaluation.table(report)).contains("road baseline", "model on map-free baseline");
  }

  @Test
  void shouldScoreTheRealHistoryModelsWithinTheirTargetsEvenWithAnEmptyRedis() throws Exception {
    // the 2019 trips with every crossed cell unknown: the service before feature-streams wrote anything
    TlcEvaluation.Report report = evaluate("eta-nyc");

    assertThat(report.metrics().get("mae_seconds_model_road"))
        .isLessThan(0.7 * report.metrics().get("mae_seconds_baseline_road"));
    assertThat(report.metrics().get("coverage_p10_p90_road")).isBetween(0.75, 0.85);
  }

  /** The committed {@code name}, {@code name}-p10 and {@code name}-p90 version 1 on the 2019 trips; skipped without the data. */
  private static TlcEvaluation.Report evaluate(String name) throws Exception {
    Optional<Path> extract = OsmExtracts.midtown();
    Assumptions.assumeTrue(extract.isPresent() && Files.isDirectory(TLC),
        "no Midtown extract or no NYC TLC samples at " + TLC.toAbsolutePath());
    try (GraphHopperRouter road = GraphHopperRouter.open(extract.get(), Path.of("target/graph-cache-eta-test"))) {
      return TlcEvaluation.evaluate(TLC, Path.of("artifacts"), name, "1", Optional.of(road));
    }
  }
}
