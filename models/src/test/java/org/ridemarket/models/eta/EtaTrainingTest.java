package org.ridemarket.models.eta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ridemarket.contracts.features.EtaFeatures;
import org.ridemarket.contracts.model.ModelArtifacts;
import org.ridemarket.contracts.model.ModelSignature;
import org.ridemarket.models.XgboostOnnxExporter;
import org.ridemarket.routing.GraphHopperRouter;
import org.ridemarket.routing.OsmExtracts;
import org.ridemarket.routing.Router;
import org.ridemarket.topologies.congestion.CongestionSettings;

/**
 * The retraining job end to end on a short history: simulate, replay through the congestion topology,
 * route, train, calibrate, gate, publish. Road routes need the Midtown extract; without it the road rows
 * fall back to the map-free router, as the service's would.
 */
class EtaTrainingTest {

  private static final Duration BLOCK = Duration.ofMinutes(15);
  private static List<EtaRow> rows;
  private static GraphHopperRouter road;

  @TempDir
  Path artifacts;

  @BeforeAll
  static void simulateAndRoute() {
    road = OsmExtracts.midtown().map(osm -> GraphHopperRouter.open(osm, Path.of("target/graph-cache-eta-test")))
        .orElse(null);
    // given an hour and a half of the evening rush
    EtaHistory history = new EtaHistory(new CongestionReplay());
    EtaTrainingMain.simulate(List.of("--seed", "3", "--start", "2026-11-02T16:30", "--no-uber"),
        Duration.ofMinutes(90), history);
    rows = EtaRows.of(history.completedTrips(), history.vectors(),
        new BaselineRoutes(Optional.<Router>ofNullable(road)));
    history.close();
  }

  @AfterAll
  static void close() {
    if (road != null) {
      road.close();
    }
  }

  @Test
  void shouldPublishThreeGatedModelsTrainedOnReplayedHistory() {
    // when it trains and publishes
    EtaTrainer.Result result = EtaTrainer.train(rows, BLOCK);
    List<ModelSignature> published = EtaTrainer.publish(result, artifacts, "eta", "test-1", "simulated rush hour",
        CongestionSettings.defaults().signatureSettings());

    // then the three artifacts load with the contract's row and a passed gate
    assertThat(published).extracting(ModelSignature::name).containsExactly("eta", "eta-p10", "eta-p90");
    for (ModelSignature signature : published) {
      assertThat(ModelArtifacts.load(artifacts, signature.name(), "test-1").signature()).isEqualTo(signature);
      assertThat(signature.featureNames()).isEqualTo(EtaFeatures.NAMES);
      assertThat(signature.inputName()).isEqualTo("features");
      assertThat(signature.gate().maxAbsDiff()).isLessThan(1e-4);
      assertThat(signature.history()).isEqualTo("simulated rush hour");
      assertThat(signature.settings()).isEqualTo(CongestionSettings.defaults().signatureSettings());
    }
    assertThat(published.get(1).objective()).isEqualTo("reg:quantileerror");
    var metrics = published.get(0).metrics();
    assertThat(metrics).containsKeys("mae_seconds_baseline_road", "mae_seconds_model_road", "mape_model_map_free",
        "coverage_p10_p90_road", "mean_range_seconds_map_free", "quantile_offset_p10", "rows_road");
    // the map-free baseline drives at free-flow speed through the rush: the model must correct it
    assertThat(metrics.get("mae_seconds_model_map_free")).isLessThan(metrics.get("mae_seconds_baseline_map_free"));
    assertThat(metrics.get("mae_seconds_model_road")).isLessThan(metrics.get("mae_seconds_baseline_road"));
    assertThat(metrics.get("coverage_p10_p90")).isBetween(0.6, 0.95);
    // the recipe is in the signature: the compact one, by default
    assertThat(metrics).containsEntry("boosting_rounds", 150.0).containsEntry("boosting_learning_rate", 0.1);
  }

  @Test
  void shouldGrowAsManyTreesAsTheRecipeSays() throws Exception {
    EtaSplit split = EtaSplit.of(rows, BLOCK);
    Instant from = Instant.ofEpochMilli(rows.get(0).time());

    EtaTrainer.Result result = EtaTrainer.train(split, from, from.plusSeconds(3600),
        new EtaTrainer.Boosting(20, 0.3));

    assertThat(result.point().getNumBoostedRound()).isEqualTo(20);
    assertThat(result.p10().getNumBoostedRound()).isEqualTo(20);
    assertThat(result.p90().getNumBoostedRound()).isEqualTo(20);
    assertThat(result.metrics()).containsEntry("boosting_rounds", 20.0).containsEntry("boosting_learning_rate", 0.3);
    assertThatThrownBy(() -> new EtaTrainer.Boosting(0, 0.1)).hasMessageContaining("rounds >= 1");
  }

  @Test
  void shouldTrainTheSameModelsFromTheSameRows() {
    EtaTrainer.Result first = EtaTrainer.train(rows, BLOCK);
    EtaTrainer.Result second = EtaTrainer.train(rows, BLOCK);

    XgboostOnnxExporter exporter = new XgboostOnnxExporter();
    assertThat(exporter.export(second.point(), EtaFeatures.NAMES).onnx())
        .isEqualTo(exporter.export(first.point(), EtaFeatures.NAMES).onnx());
    assertThat(exporter.export(second.p90(), EtaFeatures.NAMES).onnx())
        .isEqualTo(exporter.export(first.p90(), EtaFeatures.NAMES).onnx());
  }

  @Test
  void shouldKeepBothRowsOfATripInOnePartAndTrainingClearOfTheOthers() {
    EtaSplit split = EtaSplit.of(rows, BLOCK);

    assertThat(split.train()).isNotEmpty();
    assertThat(split.calibration()).isNotEmpty();
    assertThat(split.heldOut()).isNotEmpty();
    List<String> trainTrips = split.train().stream().map(row -> row.trip().tripId()).toList();
    assertThat(split.heldOut()).noneMatch(row -> trainTrips.contains(row.trip().tripId()));
    assertThat(split.calibration()).noneMatch(row -> trainTrips.contains(row.trip().tripId()));
    long first = rows.get(0).time();
    for (EtaRow row : split.train()) {
      // a training trip's span, and the look-back before it, touch training blocks only
      for (long time : new long[] {row.time(), row.trip().completedAt(), row.time() - EtaSplit.LOOK_BACK.toMillis()}) {
        assertThat(Math.floorMod(Math.floorDiv(time - first, BLOCK.toMillis()), (long) EtaSplit.CYCLE))
            .isLessThan(EtaSplit.CALIBRATION_AT);
      }
    }
  }
}
