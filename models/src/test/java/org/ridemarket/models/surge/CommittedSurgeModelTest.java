package org.ridemarket.models.surge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.features.SupplyDemandFeatures;
import org.ridemarket.contracts.model.ModelArtifact;
import org.ridemarket.contracts.model.ModelArtifacts;
import org.ridemarket.models.OnnxScorer;

/** The surge model committed under models/artifacts, which pricing-service serves out of the box. */
class CommittedSurgeModelTest {

  private static final Path ARTIFACTS = Path.of("artifacts");
  private static ModelArtifact artifact;
  private static OnnxScorer scorer;

  @BeforeAll
  static void open() {
    // load() verifies the bytes against the signature's hash and that the gate passed
    artifact = ModelArtifacts.load(ARTIFACTS, "surge", "1");
    scorer = OnnxScorer.open(artifact.onnx(), artifact.signature().inputName(), artifact.signature().outputName(),
        SupplyDemandFeatures.NAMES.size());
  }

  @AfterAll
  static void close() {
    scorer.close();
  }

  @Test
  void shouldTakeTheContractVectorAndCarryItsHeldOutMetrics() {
    assertThat(artifact.signature().featureNames()).isEqualTo(SupplyDemandFeatures.NAMES);
    assertThat(artifact.signature().metrics()).containsKeys("mae_model", "mae_rule", "rmse_model", "rmse_rule",
        "mae_model_stressed", "mae_rule_stressed", "held_out_rows");
    // the model was kept because it beats the ratio rule where surge matters
    assertThat(artifact.signature().metrics().get("rmse_model")).isLessThan(artifact.signature().metrics().get("rmse_rule"));
  }

  @Test
  void shouldStayNearOneInACalmCellAndSurgeWhereRequestsFindNoDrivers() {
    float calm = scorer.score(vector(3, 4, 10, 20));
    float spike = scorer.score(vector(40, 0, 60, 2));

    assertThat(calm).isBetween(0.9f, 1.1f);
    assertThat(spike).isGreaterThan(1.3f);
  }

  @Test
  void shouldNeverLowerTheMultiplierAsRequestsGrowOrRaiseItAsDriversArrive() {
    // monotone constraints hold per feature with the others fixed; completed trips are left free, so fixed here
    float previous = 0;
    for (int requests = 0; requests <= 80; requests += 4) {
      float score = scorer.score(vector(requests, 1, requests * 2, 3));
      assertThat(score).as("%d requests", requests).isGreaterThanOrEqualTo(previous - 1e-6f);
      previous = score;
    }
    previous = Float.MAX_VALUE;
    for (int drivers = 0; drivers <= 20; drivers++) {
      float score = scorer.score(vector(30, drivers, 60, drivers * 3));
      assertThat(score).as("%d drivers", drivers).isLessThanOrEqualTo(previous + 1e-6f);
      previous = score;
    }
  }

  // A cell with steady demand: 5-minute requests, drivers in the cell, ring requests and ring drivers.
  private static float[] vector(double requests5m, double drivers, double ringRequests5m, double ringDrivers) {
    return vector(requests5m, drivers, ringRequests5m, ringDrivers, 6);
  }

  private static float[] vector(double requests5m, double drivers, double ringRequests5m, double ringDrivers,
      double completedTrips15m) {
    double requests15m = requests5m * 3;
    double ringRequests15m = ringRequests5m * 3;
    return new float[] {
        (float) (requests5m / 5), (float) requests5m, (float) requests15m, (float) completedTrips15m, (float) drivers,
        (float) ringRequests5m, (float) ringRequests15m, (float) ringDrivers, (float) (completedTrips15m * 6),
        (float) SupplyDemandFeatures.trend(requests5m, requests15m),
        (float) SupplyDemandFeatures.demandSupply(requests5m, drivers),
        (float) SupplyDemandFeatures.demandSupply(ringRequests5m, ringDrivers)};
  }
}
