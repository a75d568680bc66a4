package org.ridemarket.contracts.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelArtifactsTest {

  private static final byte[] ONNX = {8, 8, 18, 4, 't', 'e', 's', 't'};

  @TempDir
  Path store;

  @Test
  void shouldLoadAnArtifactWhoseBytesMatchItsSignature() throws IOException {
    ModelSignature signature = SampleSignatures.fraud(ONNX);
    write(signature, ONNX);

    ModelArtifact artifact = ModelArtifacts.load(store, "fraud", signature.version());

    assertThat(artifact.signature()).isEqualTo(signature);
    assertThat(artifact.onnx()).isEqualTo(ONNX);
  }

  @Test
  void shouldRefuseAnArtifactWhoseBytesChanged() throws IOException {
    ModelSignature signature = SampleSignatures.fraud(ONNX);
    byte[] tampered = ONNX.clone();
    tampered[tampered.length - 1] = 'T';
    write(signature, tampered);

    assertThatThrownBy(() -> ModelArtifacts.load(store, "fraud", signature.version()))
        .isInstanceOf(ModelArtifactException.class)
        .hasMessageContaining("hashes to " + ModelArtifacts.sha256(tampered));
  }

  @Test
  void shouldRefuseAnArtifactWhoseGateFailed() throws IOException {
    ModelSignature passing = SampleSignatures.fraud(ONNX);
    GateReport failed = new GateReport(100, 50, 0.02, GateReport.DEFAULT_TOLERANCE,
        passing.gate().worstRow(), "held-out", 0.5, 0.52);
    ModelSignature signature = new ModelSignature(passing.name(), passing.version(), passing.featureNames(),
        passing.objective(), passing.inputName(), passing.outputName(), passing.trainedFrom(), passing.trainedTo(),
        passing.metrics(), passing.createdAt(), passing.onnxSha256(), failed);
    write(signature, ONNX);

    assertThatThrownBy(() -> ModelArtifacts.load(store, "fraud", signature.version()))
        .isInstanceOf(ModelArtifactException.class)
        .hasMessageContaining("did not pass its parity gate");
  }

  @Test
  void shouldRefuseANameThatWouldLeaveTheStore() {
    assertThatThrownBy(() -> ModelArtifacts.load(store, "../fraud", "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name must match");
  }

  @Test
  void shouldHashLikeSha256sum() {
    assertThat(ModelArtifacts.sha256("abc".getBytes()))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  private void write(ModelSignature signature, byte[] onnx) throws IOException {
    Files.createDirectories(ModelArtifactLayout.modelDirectory(store, signature.name()));
    Files.write(ModelArtifactLayout.onnxFile(store, signature.name(), signature.version()), onnx);
    Files.write(ModelArtifactLayout.signatureFile(store, signature.name(), signature.version()),
        ModelSignatureJson.write(signature));
  }
}
