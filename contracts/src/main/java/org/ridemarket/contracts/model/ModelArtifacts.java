package org.ridemarket.contracts.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Loads published model versions for services, refusing any whose bytes do not hash to what the
 * signature says, whose signature names another model, or whose parity gate did not pass.
 */
public final class ModelArtifacts {

  private static final String SIGNATURE_SUFFIX = ".signature.json";

  private ModelArtifacts() {
  }

  /**
   * Loads and verifies {@code name}/{@code version} from the artifact store at {@code root}.
   *
   * @throws ModelArtifactException if the artifact fails verification
   * @throws UncheckedIOException if a file cannot be read
   */
  public static ModelArtifact load(Path root, String name, String version) {
    ModelSignature signature = ModelSignatureJson.read(read(ModelArtifactLayout.signatureFile(root, name, version)));
    if (!signature.name().equals(name) || !signature.version().equals(version)) {
      throw new ModelArtifactException(
          "signature file of " + name + ":" + version + " describes " + signature.id());
    }
    if (!signature.gate().passed()) {
      throw new ModelArtifactException(signature.id() + " did not pass its parity gate: " + signature.gate().summary());
    }
    byte[] onnx = read(ModelArtifactLayout.onnxFile(root, name, version));
    String actual = sha256(onnx);
    if (!actual.equals(signature.onnxSha256())) {
      throw new ModelArtifactException(signature.id() + ": the .onnx file hashes to " + actual
          + " but its signature says " + signature.onnxSha256() + "; the file was changed or truncated");
    }
    return new ModelArtifact(signature, onnx);
  }

  /**
   * The signature of the most recently published version of {@code name} (by publication time, not by version
   * text: versions need not sort as strings); empty when the store has no readable signature of it. An
   * unreadable signature file is skipped, so that it cannot hide the valid versions next to it.
   *
   * @throws UncheckedIOException if the model's directory exists but cannot be listed
   */
  public static Optional<ModelSignature> newestSignature(Path root, String name) {
    Path directory = ModelArtifactLayout.modelDirectory(root, name);
    if (!Files.isDirectory(directory)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(file -> file.getFileName().toString().startsWith(name + "-"))
          .filter(file -> file.getFileName().toString().endsWith(SIGNATURE_SUFFIX))
          .map(ModelArtifacts::readSignature)
          .flatMap(Optional::stream)
          .filter(signature -> signature.name().equals(name))
          .max(Comparator.comparing(ModelSignature::createdAt));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory.toAbsolutePath(), e);
    }
  }

  /** Lower-case hex SHA-256, the form {@link ModelSignature#onnxSha256()} holds. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }

  private static Optional<ModelSignature> readSignature(Path file) {
    try {
      return Optional.of(ModelSignatureJson.read(Files.readAllBytes(file)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read model artifact file " + file, e);
    }
  }
}
