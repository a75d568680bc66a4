package org.ridemarket.service.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ridemarket.contracts.model.ModelArtifactLayout;

class ModelSlotTest {

  private final List<String> swaps = new ArrayList<>();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void shouldFinishALeaseOnTheOldSessionAndCloseItOnlyAfterwards(@TempDir Path root) {
    // given v1 in service and a request that leased it
    TinyModel.publish(root, "tiny", "v1", TinyModel.FEATURES, Instant.parse("2026-11-20T00:00:00Z"));
    ModelSlot slot = slot(root, Optional.empty());
    ModelLease inFlight = slot.lease().orElseThrow();

    // when v2 is published and the slot refreshes
    TinyModel.publish(root, "tiny", "v2", TinyModel.FEATURES, Instant.parse("2026-11-21T00:00:00Z"));
    slot.refresh();

    // then new leases get v2, the request in flight still scores on v1, and v1 closes when it is done
    try (ModelLease next = slot.lease().orElseThrow()) {
      assertThat(next.model().id()).isEqualTo("tiny:v2");
    }
    assertThat(inFlight.model().id()).isEqualTo("tiny:v1");
    assertThat(inFlight.model().score(new float[] {1, 2})).isBetween(4f, 6f);
    OnnxModel old = inFlight.model();
    inFlight.close();
    assertThatThrownBy(() -> old.score(new float[] {1, 2})).isInstanceOf(RuntimeException.class);
    assertThat(swaps).containsExactly("none->tiny:v1", "tiny:v1->tiny:v2");
  }

  @Test
  void shouldRefuseACorruptVersionAndKeepServingTheOldOne(@TempDir Path root) throws Exception {
    TinyModel.publish(root, "tiny", "v1", TinyModel.FEATURES);
    TinyModel.publish(root, "tiny", "bad", TinyModel.FEATURES);
    Files.write(ModelArtifactLayout.onnxFile(root, "tiny", "bad"), new byte[] {9}, StandardOpenOption.APPEND);
    ModelSlot slot = slot(root, Optional.of("v1"));

    assertThatThrownBy(() -> slot.activate("bad")).isInstanceOf(ModelRefusedException.class)
        .hasMessageContaining("tiny:bad");
    assertThat(slot.currentId()).contains("tiny:v1");
    assertThat(slot.pinnedVersion()).contains("v1");
  }

  @Test
  void shouldPinAnAdminsVersionUntilLatestIsAskedFor(@TempDir Path root) {
    TinyModel.publish(root, "tiny", "v1", TinyModel.FEATURES, Instant.parse("2026-11-20T00:00:00Z"));
    TinyModel.publish(root, "tiny", "v2", TinyModel.FEATURES, Instant.parse("2026-11-21T00:00:00Z"));
    ModelSlot slot = slot(root, Optional.empty());
    assertThat(slot.currentId()).contains("tiny:v2");

    // a rollback pins v1: refreshing does not take v2 back
    slot.activate("v1");
    slot.refresh();
    assertThat(slot.currentId()).contains("tiny:v1");

    // latest follows the store again
    slot.activate("latest");
    assertThat(slot.currentId()).contains("tiny:v2");
    assertThat(slot.pinnedVersion()).isEmpty();
  }

  @Test
  void shouldSayWhyNoModelIsInService(@TempDir Path root) {
    ModelSlot slot = slot(root, Optional.empty());

    assertThat(slot.lease()).isEmpty();
    assertThat(slot.unavailableReason()).hasValueSatisfying(reason -> assertThat(reason).contains("tiny"));
  }

  @Test
  void shouldScoreTheLiveRowsWithAShadowCandidateAndReportHowOftenItAgrees(@TempDir Path root) throws Exception {
    // given v1 in service, and v2 (trained alike) and off (trained 3 higher) published beside it
    TinyModel.publish(root, "tiny", "v1", TinyModel.FEATURES);
    TinyModel.publish(root, "tiny", "v2", TinyModel.FEATURES);
    TinyModel.publish(root, "tiny", "off", TinyModel.FEATURES, Instant.parse("2026-11-20T00:00:00Z"), 3);
    ModelSlot slot = slot(root, Optional.of("v1"));

    // when v2 shadows every scoring
    assertThat(slot.shadow("v2", 1.0, 0.01)).isEqualTo("tiny:v2");
    float[] live = scoreRows(slot, 40);

    // then it agrees on every row
    ShadowReport alike = awaitCompared(slot, 40);
    assertThat(alike.candidate()).isEqualTo("tiny:v2");
    assertThat(alike.agreed()).isEqualTo(40);
    assertThat(alike.maxAbsDifference()).isLessThanOrEqualTo(0.01);
    assertThat(registry.get("serving.model.shadow.rows").tag("candidate", "tiny:v2").tag("outcome", "agreed")
        .counter().count()).isEqualTo(40);

    // when off replaces it, it disagrees by about its offset on every row
    slot.shadow("off", 1.0, 0.5);
    float[] answered = scoreRows(slot, 40);
    ShadowReport apart = awaitCompared(slot, 40);
    assertThat(apart.candidate()).isEqualTo("tiny:off");
    assertThat(apart.agreed()).isZero();
    assertThat(apart.meanAbsDifference()).isBetween(2.0, 4.0);
    assertThat(registry.find("serving.model.shadow.rows").tag("candidate", "tiny:v2").counters()).isEmpty();
    // while callers got v1's answers all along
    assertThat(answered).containsExactly(live);

    // and stopping it returns the report; v1 serves on alone
    assertThat(slot.stopShadow()).hasValueSatisfying(last -> assertThat(last.compared()).isEqualTo(40));
    assertThat(slot.shadowReport()).isEmpty();
    assertThat(slot.currentId()).contains("tiny:v1");
  }

  @Test
  void shouldRefuseAShadowOfTheVersionInServiceOrOfACorruptVersion(@TempDir Path root) throws Exception {
    TinyModel.publish(root, "tiny", "v1", TinyModel.FEATURES);
    TinyModel.publish(root, "tiny", "bad", TinyModel.FEATURES);
    Files.write(ModelArtifactLayout.onnxFile(root, "tiny", "bad"), new byte[] {9}, StandardOpenOption.APPEND);
    ModelSlot slot = slot(root, Optional.of("v1"));

    assertThatThrownBy(() -> slot.shadow("v1", 1.0, 0.01)).isInstanceOf(ModelRefusedException.class)
        .hasMessageContaining("in service");
    assertThatThrownBy(() -> slot.shadow("bad", 1.0, 0.01)).isInstanceOf(ModelRefusedException.class)
        .hasMessageContaining("tiny:bad");
    assertThat(slot.shadowReport()).isEmpty();
  }

  @Test
  void shouldEndTheShadowWhenItsCandidateGoesIntoService(@TempDir Path root) {
    TinyModel.publish(root, "tiny", "v1", TinyModel.FEATURES);
    TinyModel.publish(root, "tiny", "v2", TinyModel.FEATURES);
    ModelSlot slot = slot(root, Optional.of("v1"));
    slot.shadow("v2", 0.5, 0.01);

    slot.activate("v2");

    assertThat(slot.currentId()).contains("tiny:v2");
    assertThat(slot.shadowReport()).isEmpty();
  }

  private static float[] scoreRows(ModelSlot slot, int count) {
    float[] values = new float[count];
    for (int i = 0; i < count; i++) {
      try (ModelLease lease = slot.lease().orElseThrow()) {
        values[i] = lease.score(new float[] {i % 20, (i * 7) % 20});
      }
    }
    return values;
  }

  private static ShadowReport awaitCompared(ModelSlot slot, long rows) throws InterruptedException {
    long until = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < until) {
      ShadowReport report = slot.shadowReport().orElseThrow();
      if (report.compared() + report.dropped() >= rows) {
        assertThat(report.dropped()).as("rows the shadow dropped").isZero();
        return report;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("the shadow compared too few rows: " + slot.shadowReport());
  }

  private ModelSlot slot(Path root, Optional<String> version) {
    ModelSlot slot = new ModelSlot("tiny", version, TinyModel.FEATURES, new ModelStore(root, "test"),
        (before, after) -> swaps.add((before == null ? "none" : before) + "->" + after), registry);
    slot.loadInitial();
    return slot;
  }
}
