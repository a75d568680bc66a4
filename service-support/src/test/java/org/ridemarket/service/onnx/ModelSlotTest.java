package org.ridemarket.service.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

  private ModelSlot slot(Path root, Optional<String> version) {
    ModelSlot slot = new ModelSlot("tiny", version, TinyModel.FEATURES, new ModelStore(root, "test"),
        (before, after) -> swaps.add((before == null ? "none" : before) + "->" + after));
    slot.loadInitial();
    return slot;
  }
}
