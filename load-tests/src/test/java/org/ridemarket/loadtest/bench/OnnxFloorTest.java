package org.ridemarket.loadtest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OnnxFloorTest {

  @Test
  void shouldTimeTheCommittedSurgeModelWithWarmAndWithSweptCaches() {
    // when: no Redis row, so the model's gate row
    OnnxFloor.Result result = OnnxFloor.measure(Path.of("../models/artifacts"), Optional.empty(), Map.of(), 200, 3);

    // then: both measures of the same model, each with its own sample count
    assertThat(result.warm().what()).startsWith("ONNX surge:").endsWith(", 1 row");
    assertThat(result.warm().samples()).isEqualTo(200);
    assertThat(result.warm().note()).contains("caches warm", "gate row");
    assertThat(result.cold().what()).startsWith("ONNX surge:").endsWith(", 1 row, caches swept");
    assertThat(result.cold().samples()).isEqualTo(3);
    assertThat(result.cold().note()).contains("64 MB");
    assertThat(result.warm().p50Millis()).isPositive();
    assertThat(result.cold().p50Millis()).isPositive();
  }

  @Test
  void shouldSayWhyWhenThereIsNoModel() {
    OnnxFloor.Result result = OnnxFloor.measure(Path.of("target/no-models-here"), Optional.empty(), Map.of(), 10, 1);

    assertThat(result.warm().samples()).isZero();
    assertThat(result.warm().note()).contains("cannot load the surge model");
    assertThat(result.cold().note()).contains("cannot load the surge model");
  }
}
