package org.ridemarket.service.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ridemarket.contracts.model.ModelArtifacts;

class ShadowModelTest {

  private static final int BATCHES = 2_000;
  private static final int ROWS = 256;

  @Test
  void shouldDropWhatItCannotKeepUpWithAndAccountForEveryRowOffered(@TempDir Path root) {
    // given a shadow offered far more rows than one thread can score: big batches, back to back
    TinyModel.publish(root, "tiny", "1", TinyModel.FEATURES);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ShadowModel shadow = new ShadowModel("tiny", OnnxModel.open(ModelArtifacts.load(root, "tiny", "1")), 1.0,
        0.01, registry);
    float[][] rows = new float[ROWS][];
    float[] live = new float[ROWS];
    for (int i = 0; i < ROWS; i++) {
      rows[i] = new float[] {i % 20, (i / 20) % 20};
    }

    // when they are all offered
    for (int i = 0; i < BATCHES; i++) {
      shadow.offer(rows, live);
    }

    // then the caller's thread never waited for the candidate: rows were dropped, and every row is either
    // compared or dropped
    ShadowReport report = shadow.stop();
    assertThat(report.dropped()).as("rows dropped").isPositive();
    assertThat(report.compared()).as("rows compared").isPositive();
    assertThat(report.compared() + report.dropped()).isEqualTo((long) BATCHES * ROWS);
  }
}
