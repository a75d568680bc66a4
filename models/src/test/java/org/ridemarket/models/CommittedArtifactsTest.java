package org.ridemarket.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.model.ModelArtifacts;
import org.ridemarket.contracts.model.ModelSignature;
import org.ridemarket.contracts.model.TrainingHistogram;
import org.ridemarket.contracts.model.TrainingHistogramJson;

/**
 * The models committed in {@code artifacts/}, which the services serve out of the box, verify against their
 * signatures and carry the training histogram that the services' drift gauges compare with (ADR 0019).
 */
class CommittedArtifactsTest {

  private static final Path ARTIFACTS = Path.of("artifacts");
  private static final String SIGNATURE = ".signature.json";

  @Test
  void shouldVerifyEveryCommittedModelAndFindItsTrainingHistogramOverItsOwnFeatures() throws IOException {
    List<Path> signatures;
    try (Stream<Path> files = Files.walk(ARTIFACTS)) {
      signatures = files.filter(file -> file.getFileName().toString().endsWith(SIGNATURE)).sorted().toList();
    }
    assertThat(signatures).as("committed signatures").isNotEmpty();
    for (Path file : signatures) {
      String name = file.getParent().getFileName().toString();
      String fileName = file.getFileName().toString();
      String version = fileName.substring(name.length() + 1, fileName.length() - SIGNATURE.length());
      ModelSignature signature = ModelArtifacts.load(ARTIFACTS, name, version).signature();
      TrainingHistogram histogram = TrainingHistogramJson.load(ARTIFACTS, name, version)
          .orElseThrow(() -> new AssertionError(name + "-" + version + " has no training histogram"));
      assertThat(histogram.model()).as("histogram of %s-%s", name, version).isEqualTo(signature.id());
      assertThat(histogram.features()).extracting(TrainingHistogram.FeatureBins::feature)
          .as("histogram of %s-%s", name, version).containsExactlyElementsOf(signature.featureNames());
      assertThat(histogram.rows()).as("rows behind %s-%s", name, version).isPositive();
    }
  }
}
