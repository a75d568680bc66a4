package org.ridemarket.pricing.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ridemarket.contracts.model.ModelArtifactLayout;
import org.ridemarket.pricing.SurgeModelFixture;
import org.ridemarket.pricing.SurgeModelTestResource;
import org.ridemarket.contracts.features.SupplyDemandFeatures;
import org.ridemarket.service.onnx.ModelRefusedException;
import org.ridemarket.service.onnx.ModelStore;
import org.ridemarket.service.onnx.OnnxModel;

class SurgeModelStoreTest {

  private final Path store = SurgeModelTestResource.store();

  @Test
  void shouldServeTheModelWithItsMultiplierRisingWithDemand() {
    try (OnnxModel model = load(store, SurgeModelTestResource.SURGE, Optional.empty())) {
      float calm = model.score(floats(SurgeModelFixture.vector(2, 10)));
      float busy = model.score(floats(SurgeModelFixture.vector(15, 6)));

      assertThat(model.id()).isEqualTo("surge:test-1");
      assertThat(calm).isCloseTo(1.0f, offset(0.1f));
      assertThat(busy).isGreaterThan(1.5f);
    }
  }

  @Test
  void shouldScoreABatchLikeSingleRows() {
    try (OnnxModel model = load(store, SurgeModelTestResource.SURGE, Optional.of("test-1"))) {
      float[][] rows = {floats(SurgeModelFixture.vector(2, 10)), floats(SurgeModelFixture.vector(40, 3))};

      assertThat(model.score(rows)).containsExactly(model.score(rows[0]), model.score(rows[1]));
    }
  }

  @Test
  void shouldRefuseAModelWhoseFeaturesAreInAnotherOrder() {
    assertThatThrownBy(() -> load(store, SurgeModelTestResource.MISORDERED, Optional.empty()))
        .isInstanceOf(ModelRefusedException.class)
        .hasMessageContaining("refusing surge model surge-misordered:test-1")
        .hasMessageContaining("misordered");
  }

  @Test
  void shouldSayWhenThereIsNoModel(@TempDir Path empty) {
    assertThatThrownBy(() -> load(empty, "surge", Optional.empty()))
        .isInstanceOf(ModelRefusedException.class)
        .hasMessageContaining("no surge model");
  }

  @Test
  void shouldRefuseAModelWhoseBytesChanged(@TempDir Path copy) throws Exception {
    Path source = ModelArtifactLayout.modelDirectory(store, SurgeModelTestResource.SURGE);
    Path target = Files.createDirectories(ModelArtifactLayout.modelDirectory(copy, SurgeModelTestResource.SURGE));
    try (var files = Files.list(source)) {
      for (Path file : files.toList()) {
        Files.copy(file, target.resolve(file.getFileName()));
      }
    }
    Path onnx = ModelArtifactLayout.onnxFile(copy, SurgeModelTestResource.SURGE, SurgeModelTestResource.VERSION);
    Files.write(onnx, new byte[] {1, 2, 3}, StandardOpenOption.APPEND);

    assertThatThrownBy(() -> load(copy, SurgeModelTestResource.SURGE, Optional.empty()))
        .isInstanceOf(ModelRefusedException.class)
        .hasMessageContaining("hashes to");
  }

  // How the serving core opens pricing's model: the contract's features, in order.
  private static OnnxModel load(Path root, String name, Optional<String> version) {
    return new ModelStore(root, "surge").open(name, version, SupplyDemandFeatures.NAMES);
  }

  private static float[] floats(double[] vector) {
    float[] row = new float[vector.length];
    for (int i = 0; i < row.length; i++) {
      row[i] = (float) vector[i];
    }
    return row;
  }
}
