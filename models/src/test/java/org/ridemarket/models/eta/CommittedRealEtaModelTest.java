package org.ridemarket.models.eta;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.features.EtaFeatures;
import org.ridemarket.contracts.model.ModelArtifacts;
import org.ridemarket.contracts.model.ModelSignature;
import org.ridemarket.topologies.congestion.CongestionSettings;

/**
 * The ETA models trained on real history (eta-nyc, eta-nyc-p10, eta-nyc-p90) committed under models/artifacts:
 * they load, take the contract's row, name their history and the topology settings of their rows, and their
 * signature carries the 2019 test evaluation they were published with.
 */
class CommittedRealEtaModelTest {

  private static final Path ARTIFACTS = Path.of("artifacts");

  @Test
  void shouldNameItsRealHistoryAndTheSettingsItsRowsWereBuiltWith() {
    for (String name : new String[] {"eta-nyc", "eta-nyc-p10", "eta-nyc-p90"}) {
      // load() verifies the bytes against the signature's hash and that the gate passed
      ModelSignature signature = ModelArtifacts.load(ARTIFACTS, name, "1").signature();
      assertThat(signature.featureNames()).isEqualTo(EtaFeatures.NAMES);
      assertThat(signature.history()).startsWith("NYC TLC yellow-taxi trips between two Midtown zones");
      assertThat(signature.settings()).isEqualTo(CongestionSettings.defaults().signatureSettings());
      assertThat(signature.trainedTo()).isEqualTo("2019-01-01T05:00:00Z");
    }
  }

  @Test
  void shouldCarryATestEvaluationThatMeetsTheTargets() {
    Map<String, Double> metrics = ModelArtifacts.load(ARTIFACTS, "eta-nyc", "1").signature().metrics();

    // 2019-01 and 2019-02, after the training window: at least 30 % below the router's MAE, 80 +- 5 % in range
    assertThat(metrics.get("test_trips")).isGreaterThan(2_000.0);
    assertThat(metrics.get("mae_reduction_vs_router_test")).isGreaterThanOrEqualTo(0.30);
    assertThat(metrics.get("mae_seconds_model_test")).isLessThan(metrics.get("mae_seconds_hourly_speed_test"));
    assertThat(metrics.get("coverage_p10_p90_test")).isBetween(0.75, 0.85);
  }
}
