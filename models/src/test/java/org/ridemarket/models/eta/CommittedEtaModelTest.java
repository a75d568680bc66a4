package org.ridemarket.models.eta;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ridemarket.contracts.features.EtaFeatures;
import org.ridemarket.contracts.model.ModelArtifacts;
import org.ridemarket.contracts.model.ModelSignature;
import org.ridemarket.routing.EtaScoring;
import org.ridemarket.routing.GeoPoint;
import org.ridemarket.routing.MapFreeRouter;
import org.ridemarket.routing.Route;

/** The ETA models committed under models/artifacts, whose newest version the ETA service serves out of the box. */
class CommittedEtaModelTest {

  private static final String SERVED = "2";

  private static TlcEvaluation.PublishedEta models;

  @BeforeAll
  static void open() {
    // load() verifies the bytes against the signature's hash and that the gate passed; requireFeatures the row
    models = TlcEvaluation.PublishedEta.load(Path.of("artifacts"), "eta", SERVED);
  }

  @AfterAll
  static void close() {
    models.close();
  }

  @Test
  void shouldBeTheVersionTheServiceServes() {
    for (String name : new String[] {"eta", "eta-p10", "eta-p90"}) {
      assertThat(ModelArtifacts.newestSignature(Path.of("artifacts"), name).orElseThrow().version()).isEqualTo(SERVED);
    }
  }

  @Test
  void shouldTakeTheContractRowAndCarryTheHeldOutEvaluation() {
    for (String name : new String[] {"eta", "eta-p10", "eta-p90"}) {
      ModelSignature signature = ModelArtifacts.load(Path.of("artifacts"), name, SERVED)
          .signature();
      assertThat(signature.featureNames()).isEqualTo(EtaFeatures.NAMES);
      // the compact recipe: the service runs all three for every ETA (ADR 0036)
      assertThat(signature.metrics()).containsEntry("boosting_rounds", 150.0);
      assertThat(signature.inputName()).isEqualTo("features");
      assertThat(signature.metrics()).containsKeys("quantile_offset_p10", "quantile_offset_p90");
    }
    Map<String, Double> metrics = ModelArtifacts.load(Path.of("artifacts"), "eta", SERVED)
        .signature().metrics();
    assertThat(metrics.get("mae_seconds_model_road")).isLessThan(metrics.get("mae_seconds_baseline_road"));
    assertThat(metrics.get("mae_seconds_model_map_free")).isLessThan(metrics.get("mae_seconds_baseline_map_free"));
    assertThat(metrics.get("coverage_p10_p90")).isBetween(0.75, 0.85);
  }

  @ParameterizedTest(name = "{0}:00, map-free {1}")
  @CsvSource({"3, true", "8, true", "13, false", "18, false"})
  void shouldPutTheEtaBetweenItsP10AndP90(int hour, boolean mapFree) {
    // a 2.3 km trip from Penn Station to Grand Central on a Monday, with no congestion vectors
    Route route = new MapFreeRouter().route(GeoPoint.of(40.7506, -73.9935), GeoPoint.of(40.7527, -73.9772),
        Instant.EPOCH);
    Instant departure = Instant.parse("2026-11-02T00:00:00Z").plusSeconds((hour + 5) * 3600L);
    float[] row = EtaScoring.toFloats(EtaScoring.values(route, departure, Map.of(), departure.toEpochMilli(), mapFree));

    EtaMetrics.Prediction prediction = models.predict(List.of(new EtaRow(
        new CompletedTrip("probe", 0, 0, 0, GeoPoint.of(40.7506, -73.9935), GeoPoint.of(40.7527, -73.9772), 1),
        EtaRow.Pass.ROAD, row, route.durationSeconds(), 0))).get(0);

    // raw, before the service's min/max: the quantiles bracket the point up to a little crossing
    assertThat(prediction.p10()).isLessThanOrEqualTo(prediction.point() + 0.05);
    assertThat(prediction.point()).isLessThanOrEqualTo(prediction.p90() + 0.05);
    double eta = EtaScoring.seconds(route.durationSeconds(), prediction.point());
    assertThat(eta).isBetween(0.5 * route.durationSeconds(), 5 * route.durationSeconds());
  }
}
