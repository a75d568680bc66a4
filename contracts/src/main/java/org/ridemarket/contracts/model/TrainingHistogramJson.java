package org.ridemarket.contracts.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads and writes {@link TrainingHistogram} as pretty-printed JSON beside a model's signature. */
public final class TrainingHistogramJson {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private TrainingHistogramJson() {
  }

  /** The histogram as UTF-8 JSON bytes. */
  public static byte[] write(TrainingHistogram histogram) {
    try {
      return MAPPER.writeValueAsBytes(histogram);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the histogram of " + histogram.model(), e);
    }
  }

  /** A histogram from UTF-8 JSON bytes; invalid content fails with the reason. */
  public static TrainingHistogram read(byte[] json) {
    try {
      return MAPPER.readValue(json, TrainingHistogram.class);
    } catch (IOException e) {
      throw new UncheckedIOException("not a valid training histogram: " + e.getMessage(), e);
    }
  }

  /** The histogram of a model version in an artifact store, or empty when it was published without one. */
  public static Optional<TrainingHistogram> load(Path root, String name, String version) {
    Path file = ModelArtifactLayout.histogramFile(root, name, version);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(read(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
