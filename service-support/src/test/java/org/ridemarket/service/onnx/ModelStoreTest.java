package org.ridemarket.service.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ridemarket.contracts.model.ModelArtifactLayout;

class ModelStoreTest {

  @TempDir
  static Path root;
  private static ModelStore store;

  @BeforeAll
  static void publish() {
    TinyModel.publish(root, "tiny", "b-old", TinyModel.FEATURES, Instant.parse("2026-11-20T00:00:00Z"));
    // Published later but sorting first as text: the newest is chosen by publication time.
    TinyModel.publish(root, "tiny", "a-new", TinyModel.FEATURES, Instant.parse("2026-11-21T00:00:00Z"));
    TinyModel.publish(root, "swapped", "1", List.of("z", "x"));
    store = new ModelStore(root, "tiny");
  }

  @Test
  void shouldOpenTheNewestPublishedVersion() {
    try (OnnxModel model = store.open("tiny", Optional.empty(), TinyModel.FEATURES)) {
      assertThat(model.id()).isEqualTo("tiny:a-new");
    }
  }

  @Test
  void shouldOpenTheConfiguredVersion() {
    try (OnnxModel model = store.open("tiny", Optional.of("b-old"), TinyModel.FEATURES)) {
      assertThat(model.id()).isEqualTo("tiny:b-old");
    }
  }

  @Test
  void shouldRefuseAModelThatTakesAnotherFeatureOrder() {
    assertThatThrownBy(() -> store.open("swapped", Optional.empty(), TinyModel.FEATURES))
        .isInstanceOf(ModelRefusedException.class)
        .hasMessageContaining("refusing tiny model swapped:1")
        .hasMessageContaining("misordered");
  }

  @Test
  void shouldRefuseAModelWhoseBytesChanged(@TempDir Path copy) throws Exception {
    Path target = Files.createDirectories(ModelArtifactLayout.modelDirectory(copy, "tiny"));
    try (var files = Files.list(ModelArtifactLayout.modelDirectory(root, "tiny"))) {
      for (Path file : files.toList()) {
        Files.copy(file, target.resolve(file.getFileName()));
      }
    }
    Files.write(ModelArtifactLayout.onnxFile(copy, "tiny", "a-new"), new byte[] {1, 2, 3}, StandardOpenOption.APPEND);

    assertThatThrownBy(() -> new ModelStore(copy, "tiny").open("tiny", Optional.of("a-new"), TinyModel.FEATURES))
        .isInstanceOf(ModelRefusedException.class)
        .hasMessageContaining("refusing tiny model tiny:a-new")
        .hasMessageContaining("hashes to");
  }

  @Test
  void shouldSayWhenThereIsNoModel(@TempDir Path empty) {
    assertThatThrownBy(() -> new ModelStore(empty, "tiny").open("tiny", Optional.empty(), TinyModel.FEATURES))
        .isInstanceOf(ModelRefusedException.class)
        .hasMessageContaining("no tiny model tiny:")
        .hasMessageContaining("does not exist");
  }
}
