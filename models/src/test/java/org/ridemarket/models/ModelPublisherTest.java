package org.ridemarket.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import ml.dmlc.xgboost4j.java.DMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ridemarket.contracts.model.FeatureMismatchException;
import org.ridemarket.contracts.model.ModelArtifact;
import org.ridemarket.contracts.model.ModelArtifacts;
import org.ridemarket.contracts.model.ModelSignature;
import org.ridemarket.contracts.model.TrainingHistogram;
import org.ridemarket.contracts.model.TrainingHistogramJson;

class ModelPublisherTest {

  private static final Instant NOW = Instant.parse("2026-11-21T06:00:00Z");
  private static final ModelDescription FRAUD = new ModelDescription("fraud", "2026.11.21-1",
      Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-11-01T00:00:00Z"), Map.of("auc", 0.91));

  @TempDir
  Path store;

  private final SyntheticMarket.Trained trained = TrainedModels.of(Objective.BINARY_LOGISTIC);
  private final ExportedModel exported = new XgboostOnnxExporter().export(trained.booster(), trained.featureNames());

  private ModelPublisher publisher() {
    return new ModelPublisher(store, new ExportGate(), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void shouldPublishTheTrainingHistogramBesideTheSignatureWhenGivenTrainingRows() {
    publisher().publish(FRAUD, trained.booster(), exported, trained.heldOut(), trained.heldOut());

    TrainingHistogram histogram = TrainingHistogramJson.load(store, "fraud", "2026.11.21-1").orElseThrow();

    assertThat(histogram.model()).isEqualTo("fraud:2026.11.21-1");
    assertThat(histogram.rows()).isEqualTo(trained.heldOut().length);
    assertThat(histogram.features()).extracting(TrainingHistogram.FeatureBins::feature)
        .isEqualTo(SyntheticMarket.FEATURES);
    assertThat(histogram.features()).allSatisfy(bins -> assertThat(bins.shares().stream()
        .mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-9)));
    assertThat(TrainingHistogramJson.load(store, "fraud", "no-such-version")).isEmpty();
  }

  @Test
  void shouldPublishAModelThatServicesCanLoadAndScore() throws Exception {
    ModelSignature published = publisher().publish(FRAUD, trained.booster(), exported, trained.heldOut());

    ModelArtifact loaded = ModelArtifacts.load(store, "fraud", "2026.11.21-1");

    assertThat(store.resolve("fraud/fraud-2026.11.21-1.onnx")).isRegularFile();
    assertThat(store.resolve("fraud/fraud-2026.11.21-1.signature.json")).isRegularFile();
    assertThat(loaded.signature()).isEqualTo(published);
    assertThat(published.featureNames()).isEqualTo(SyntheticMarket.FEATURES);
    assertThat(published.objective()).isEqualTo("binary:logistic");
    assertThat(published.outputName()).isEqualTo("probability");
    assertThat(published.createdAt()).isEqualTo(NOW);
    assertThat(published.gate().passed()).isTrue();
    float[] row = trained.heldOut()[0];
    try (OnnxScorer scorer = OnnxScorer.open(loaded.onnx(), published.inputName(), published.outputName(), 6)) {
      DMatrix matrix = new DMatrix(row, 1, 6, Float.NaN);
      assertThat(scorer.score(row)).isCloseTo(trained.booster().predict(matrix)[0][0], within(1e-4f));
      matrix.dispose();
    }
  }

  @Test
  void shouldPublishNothingWhenTheGateRejectsTheExport() throws IOException {
    ExportedModel broken = BrokenExports.THRESHOLD_ONE_STEP_UP.applyTo(exported);

    assertThatThrownBy(() -> publisher().publish(FRAUD, trained.booster(), broken, trained.heldOut()))
        .isInstanceOfSatisfying(ExportRejectedException.class, e -> assertThat(e.report().passed()).isFalse())
        .hasMessageContaining("nothing published");
    try (Stream<Path> files = Files.walk(store)) {
      assertThat(files.filter(Files::isRegularFile)).isEmpty();
    }
  }

  @Test
  void shouldNeverOverwriteAPublishedVersion() {
    publisher().publish(FRAUD, trained.booster(), exported, trained.heldOut());

    assertThatThrownBy(() -> publisher().publish(FRAUD, trained.booster(), exported, trained.heldOut()))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("immutable");
  }

  @Test
  void shouldLetAServiceRefuseAModelWhoseFeaturesItCannotBuild() {
    publisher().publish(FRAUD, trained.booster(), exported, trained.heldOut());
    ModelSignature signature = ModelArtifacts.load(store, "fraud", "2026.11.21-1").signature();

    assertThatThrownBy(() -> signature.requireFeatures(List.of("requests_5m", "drivers_available")))
        .isInstanceOf(FeatureMismatchException.class)
        .hasMessageContaining("missing [trend_5m_15m, speed_ratio_15m, hour_sin, noise]");
  }
}
