package org.ridemarket.models.surge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ridemarket.contracts.features.SupplyDemandFeatures;
import org.ridemarket.contracts.model.ModelArtifacts;
import org.ridemarket.contracts.model.ModelSignature;
import org.ridemarket.simulator.riders.RiderPopulation;
import org.ridemarket.topologies.supplydemand.SupplyDemandSettings;

/** The retraining job end to end on a short history: simulate, replay, label, train, gate, publish. */
class SurgeTrainingTest {

  @TempDir
  Path artifacts;

  @Test
  void shouldPublishAGatedModelTrainedOnReplayedHistory() {
    // given three simulated hours over the evening rush, with training spikes
    SurgeHistory history = new SurgeHistory(new SupplyDemandReplay());
    SurgeTrainingMain.simulate(List.of("--seed", "3", "--start", "2026-11-02T15:00", "--no-uber"),
        Duration.ofHours(3), history);
    List<SurgeRow> rows = history.rows(new BalancingMultiplier(RiderPopulation::acceptShare, SurgeTrainer.CAP));
    history.close();

    // when it trains and publishes
    SurgeTrainer.Result result = SurgeTrainer.train(rows);
    ModelSignature signature = SurgeTrainer.publish(result, artifacts, "test-1", null,
        history.replay().settings().signatureSettings());

    // then the artifact loads with the contract's features and its held-out metrics
    assertThat(ModelArtifacts.load(artifacts, "surge", "test-1").signature()).isEqualTo(signature);
    assertThat(signature.featureNames()).isEqualTo(SupplyDemandFeatures.NAMES);
    // with the supply/demand settings its rows were replayed with, for feature-streams to compare (ADR 0025)
    assertThat(signature.settings()).isEqualTo(SupplyDemandSettings.defaults().signatureSettings())
        .containsEntry("supply-demand.request-windows", "PT1M,PT5M,PT15M");
    assertThat(signature.gate().maxAbsDiff()).isLessThan(1e-4);
    assertThat(signature.metrics()).containsKeys("mae_model", "mae_rule", "rmse_model", "rmse_rule", "rmse_flat");
    // the rush leaves demand unserved, so there is something to learn, and the model learns some of it
    assertThat(rows).anySatisfy(row -> assertThat(row.label()).isGreaterThan(1.3));
    assertThat(signature.metrics().get("rmse_model")).isLessThan(signature.metrics().get("rmse_flat"));
  }

  @Test
  void shouldHoldOutWholeBlocksWhoseLabelsTrainingNeverSaw() {
    // given rows every minute over six hours, labelled by their minute
    List<SurgeRow> rows = new ArrayList<>();
    for (int minute = 0; minute < 360; minute++) {
      float[] features = new float[SupplyDemandFeatures.NAMES.size()];
      features[0] = minute % 7;
      rows.add(new SurgeRow(minute * 60_000L, "882a100d65fffff", features, 1, 1, 1.0 + (minute % 7) * 0.1));
    }

    SurgeTrainer.Result result = SurgeTrainer.train(rows);

    // then no training row's label horizon reaches into a held-out block, nor does it look back into one
    long block = SurgeTrainer.BLOCK_MINUTES * 60_000L;
    assertThat(result.heldOut()).isNotEmpty();
    assertThat(result.train().size() + result.heldOut().size()).isLessThan(rows.size());
    for (SurgeRow train : result.train()) {
      for (SurgeRow heldOut : result.heldOut()) {
        assertThat(heldOut.time() / block).isNotEqualTo(train.time() / block);
        assertThat(Math.abs(heldOut.time() - train.time()))
            .isGreaterThan(Math.min(SurgeHistory.HORIZON.toMillis(), SurgeHistory.WARM_UP.toMillis()));
      }
    }
  }
}
