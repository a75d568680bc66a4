package org.ridemarket.service.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ridemarket.contracts.model.ModelArtifactLayout;
import org.ridemarket.contracts.model.PopulationStability;
import org.ridemarket.contracts.model.TrainingHistogram;
import org.ridemarket.contracts.model.TrainingHistogramJson;

/**
 * A model published with its training histogram counts every row it scores, so the PSI gauge the alert
 * reads moves over the threshold on a shifted stream and stays under it on an unshifted one.
 */
class ModelDriftTest {

  @TempDir
  static Path root;

  @BeforeAll
  static void publish() throws Exception {
    TinyModel.publish(root, "tiny", "1", TinyModel.FEATURES);
    Files.write(ModelArtifactLayout.histogramFile(root, "tiny", "1"), TrainingHistogramJson.write(
        TrainingHistogram.of("tiny:1", TinyModel.FEATURES, rows(new Random(1), 10_000, 0), 10)));
    TinyModel.publish(root, "mislabelled", "1", TinyModel.FEATURES);
    Files.write(ModelArtifactLayout.histogramFile(root, "mislabelled", "1"), TrainingHistogramJson.write(
        TrainingHistogram.of("mislabelled:1", List.of("z", "x"), rows(new Random(1), 100, 0), 10)));
  }

  @Test
  void shouldKeepEveryPsiUnderTheThresholdOnAnUnshiftedStream() {
    try (OnnxModel model = new ModelStore(root, "tiny").open("tiny", Optional.empty(), TinyModel.FEATURES)) {
      for (float[] row : rows(new Random(2), 2_000, 0)) {
        model.score(row);
      }

      assertThat(model.drift()).hasValueSatisfying(drift -> {
        assertThat(drift.psi(0)).isLessThan(PopulationStability.ALERT_THRESHOLD);
        assertThat(drift.psi(1)).isLessThan(PopulationStability.ALERT_THRESHOLD);
      });
    }
  }

  @Test
  void shouldPushTheShiftedFeatureOverTheThresholdScoredOneByOneOrInABatch() {
    try (OnnxModel model = new ModelStore(root, "tiny").open("tiny", Optional.empty(), TinyModel.FEATURES)) {
      float[][] shifted = rows(new Random(3), 2_000, 6);
      for (int i = 0; i < 1_000; i++) {
        model.score(shifted[i]);
      }
      model.score(Arrays.copyOfRange(shifted, 1_000, 2_000));

      assertThat(model.drift()).hasValueSatisfying(drift -> {
        assertThat(drift.psi(0)).isGreaterThan(PopulationStability.ALERT_THRESHOLD);
        assertThat(drift.psi(1)).isLessThan(PopulationStability.ALERT_THRESHOLD);
      });
    }
  }

  @Test
  void shouldCountNothingARehearsalScores() {
    try (OnnxModel model = new ModelStore(root, "tiny").open("tiny", Optional.empty(), TinyModel.FEATURES)) {
      for (float[] row : rows(new Random(4), 2_000, 6)) {
        model.rehearse(row);
      }

      // No verdict: the window holds no row, so the shifted warm-up rows raise no alert.
      assertThat(model.drift()).hasValueSatisfying(drift -> assertThat(drift.psi(0)).isNaN());
    }
  }

  @Test
  void shouldServeAModelWithoutAHistogramWithoutDrift(@TempDir Path bare) {
    TinyModel.publish(bare, "tiny", "1", TinyModel.FEATURES);
    try (OnnxModel model = new ModelStore(bare, "tiny").open("tiny", Optional.empty(), TinyModel.FEATURES)) {
      assertThat(model.drift()).isEmpty();
    }
  }

  @Test
  void shouldRefuseAHistogramOfOtherFeatures() {
    assertThatThrownBy(() -> new ModelStore(root, "tiny").open("mislabelled", Optional.empty(), TinyModel.FEATURES))
        .isInstanceOf(ModelRefusedException.class)
        .hasMessageContaining("its training histogram bins [z, x], not the features [x, z]");
  }

  /** x uniform on 0..20 (moved by {@code xShift}), z uniform on 0..20, as TinyModel was trained. */
  private static float[][] rows(Random random, int count, float xShift) {
    float[][] rows = new float[count][];
    for (int i = 0; i < count; i++) {
      rows[i] = new float[] {random.nextFloat() * 20 + xShift, random.nextFloat() * 20};
    }
    return rows;
  }
}
