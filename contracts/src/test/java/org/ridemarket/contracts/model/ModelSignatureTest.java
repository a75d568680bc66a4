package org.ridemarket.contracts.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelSignatureTest {

  private final ModelSignature signature = SampleSignatures.fraud(new byte[] {1, 2, 3});

  @Test
  void shouldRoundTripThroughJson() {
    byte[] json = ModelSignatureJson.write(signature);

    ModelSignature read = ModelSignatureJson.read(json);

    assertThat(read).isEqualTo(signature);
    assertThat(read.gate().worstRow()).containsExactly(3.0f, null, 1.5f);
    assertThat(new String(json, StandardCharsets.UTF_8))
        .contains("\"trainedFrom\" : \"2026-10-01T00:00:00Z\"")
        .contains("\"featureNames\" : [ \"card_count_1m\", \"card_amount_1h\", \"device_cards_24h\" ]");
  }

  @Test
  void shouldWriteTheSameBytesForTheSameSignature() {
    ModelSignature reordered = new ModelSignature(signature.name(), signature.version(), signature.featureNames(),
        signature.objective(), signature.inputName(), signature.outputName(), signature.trainedFrom(),
        signature.trainedTo(), Map.of("logloss", 0.21, "auc", 0.93), signature.createdAt(), signature.onnxSha256(),
        signature.gate());

    assertThat(ModelSignatureJson.write(reordered)).isEqualTo(ModelSignatureJson.write(signature));
  }

  @Test
  void shouldRejectJsonWithUnknownFields() {
    String json = new String(ModelSignatureJson.write(signature), StandardCharsets.UTF_8)
        .replaceFirst("\\{", "{ \"surprise\" : 1,");

    assertThatThrownBy(() -> ModelSignatureJson.read(json.getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("surprise");
  }

  @Test
  void shouldAcceptAServiceThatBuildsExactlyTheModelsFeatures() {
    assertThatCode(() -> signature.requireFeatures(List.copyOf(SampleSignatures.FEATURES))).doesNotThrowAnyException();
  }

  @Test
  void shouldRefuseAServiceThatBuildsOtherFeaturesNamingEachDifference() {
    List<String> serviceBuilds = List.of("card_amount_1h", "card_count_1m", "user_count_1h");

    assertThatThrownBy(() -> signature.requireFeatures(serviceBuilds))
        .isInstanceOfSatisfying(FeatureMismatchException.class, e -> {
          assertThat(e.missing()).containsExactly("device_cards_24h");
          assertThat(e.unexpected()).containsExactly("user_count_1h");
          assertThat(e.misordered()).containsExactly(
              "card_count_1m (model #0, service #1)", "card_amount_1h (model #1, service #0)");
        })
        .hasMessageContaining("fraud:2026.11.21-1")
        .hasMessageContaining("missing [device_cards_24h]");
  }

  @Test
  void shouldRejectANameThatCannotBeAFileName() {
    assertThatThrownBy(() -> new ModelSignature("../fraud", "1", List.of("a"), "binary:logistic", "features",
        "probability", Instant.EPOCH, Instant.EPOCH.plusSeconds(1), Map.of(), Instant.EPOCH, "0".repeat(64),
        SampleSignatures.passingGate()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name");
  }

  @Test
  void shouldKeepHistoryAndSettingsThroughJsonAndReadOlderFilesWithoutThem() {
    // given a signature that names its history and settings, and one written before they existed
    ModelSignature recorded = withSettings(Map.of("congestion.grace", "PT2M"));
    String older = new String(ModelSignatureJson.write(signature), StandardCharsets.UTF_8)
        .replace("\"history\" : null,", "").replaceAll(",\\s*\"settings\" : \\{ }", "");

    // when both are read back
    ModelSignature read = ModelSignatureJson.read(ModelSignatureJson.write(recorded));
    ModelSignature old = ModelSignatureJson.read(older.getBytes(StandardCharsets.UTF_8));

    // then the recorded one is unchanged and the older one records nothing
    assertThat(older).doesNotContain("history").doesNotContain("settings");
    assertThat(read).isEqualTo(recorded);
    assertThat(read.history()).isEqualTo("NYC TLC 2018");
    assertThat(old.history()).isNull();
    assertThat(old.settings()).isEmpty();
  }

  @Test
  void shouldRefuseFeaturesComputedWithOtherSettingsNamingEachOne() {
    // given a model trained on 60-minute trip windows and 2 minutes of grace
    ModelSignature trained = withSettings(Map.of("congestion.trip-speed-windows", "PT15M,PT1H",
        "congestion.grace", "PT2M"));

    // when the serving side computes 30-minute windows and does not know the grace
    Map<String, String> computed = Map.of("congestion.trip-speed-windows", "PT15M,PT30M", "congestion.sweep", "PT30S");

    // then the model is refused, naming both settings with both values
    assertThatThrownBy(() -> trained.requireSettings(computed))
        .isInstanceOfSatisfying(SettingsMismatchException.class, e -> assertThat(e.differing()).containsOnlyKeys(
            "congestion.trip-speed-windows", "congestion.grace"))
        .hasMessageContaining("fraud:2026.11.21-1")
        .hasMessageContaining("trained with PT15M,PT1H, computed with PT15M,PT30M")
        .hasMessageContaining("trained with PT2M, computed with nothing");
    assertThatCode(() -> trained.requireSettings(Map.of("congestion.trip-speed-windows", "PT15M,PT1H",
        "congestion.grace", "PT2M", "congestion.sweep", "PT30S"))).doesNotThrowAnyException();
    // a model that recorded no settings is not checked
    assertThatCode(() -> signature.requireSettings(computed)).doesNotThrowAnyException();
  }

  private ModelSignature withSettings(Map<String, String> settings) {
    return new ModelSignature(signature.name(), signature.version(), signature.featureNames(), signature.objective(),
        signature.inputName(), signature.outputName(), signature.trainedFrom(), signature.trainedTo(),
        signature.metrics(), signature.createdAt(), signature.onnxSha256(), signature.gate(), "NYC TLC 2018", settings);
  }
}
