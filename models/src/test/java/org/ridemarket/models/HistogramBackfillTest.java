package org.ridemarket.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ridemarket.contracts.model.ModelArtifactLayout;
import org.ridemarket.contracts.model.TrainingHistogramJson;

/** A histogram is added to a published version only by the model that version is, never to another one. */
class HistogramBackfillTest {

  private static final ModelDescription FRAUD = new ModelDescription("fraud", "1",
      Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-11-01T00:00:00Z"), Map.of("auc", 0.91));

  @TempDir
  Path store;

  @Test
  void shouldWriteTheHistogramOfTheRowsWhenTheRetrainedModelIsThePublishedOne() {
    SyntheticMarket.Trained trained = TrainedModels.of(Objective.BINARY_LOGISTIC);
    publish(trained);

    Path written = HistogramBackfill.write(store, "fraud", "1", trained.booster(), trained.featureNames(),
        trained.heldOut());

    assertThat(written).isEqualTo(ModelArtifactLayout.histogramFile(store, "fraud", "1"));
    assertThat(TrainingHistogramJson.load(store, "fraud", "1")).hasValueSatisfying(histogram -> {
      assertThat(histogram.model()).isEqualTo("fraud:1");
      assertThat(histogram.rows()).isEqualTo(trained.heldOut().length);
    });
  }

  @Test
  void shouldWriteNothingWhenTheRetrainedModelIsAnother() {
    publish(TrainedModels.of(Objective.BINARY_LOGISTIC));
    SyntheticMarket.Trained other = TrainedModels.of(Objective.SQUARED_ERROR);

    assertThatThrownBy(() -> HistogramBackfill.write(store, "fraud", "1", other.booster(), other.featureNames(),
        other.heldOut()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not reproduce fraud:1");
    assertThat(Files.exists(ModelArtifactLayout.histogramFile(store, "fraud", "1"))).isFalse();
  }

  private void publish(SyntheticMarket.Trained trained) {
    new ModelPublisher(store, new ExportGate(), Clock.fixed(Instant.parse("2026-11-21T06:00:00Z"), ZoneOffset.UTC))
        .publish(FRAUD, trained.booster(), new XgboostOnnxExporter().export(trained.booster(), trained.featureNames()),
            trained.heldOut());
  }
}
