package org.ridemarket.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import ml.dmlc.xgboost4j.java.Booster;
import org.ridemarket.contracts.model.ModelArtifactLayout;
import org.ridemarket.contracts.model.ModelArtifacts;
import org.ridemarket.contracts.model.ModelSignature;
import org.ridemarket.contracts.model.TrainingHistogram;
import org.ridemarket.contracts.model.TrainingHistogramJson;

/**
 * Adds the training histogram to a model version published before histograms existed (ADR 0019): the
 * training job rebuilds its seeded history and trains again, and only when the retrained model's ONNX
 * bytes hash to the published signature's {@code onnxSha256} (the same rows made the same model) is the
 * histogram of those rows written beside it. Otherwise nothing is written: the rows would not be the
 * model's. The published files themselves are never touched.
 */
public final class HistogramBackfill {

  private HistogramBackfill() {
  }

  /**
   * Writes {@code <name>-<version>.histogram.json} from {@code training}.
   *
   * @throws IllegalStateException when the retrained model is not the published one, or a histogram exists
   */
  public static Path write(Path artifacts, String name, String version, Booster booster, List<String> features,
      float[][] training) {
    ModelSignature published = ModelArtifacts.load(artifacts, name, version).signature();
    String retrained = ModelArtifacts.sha256(new XgboostOnnxExporter().export(booster, features).onnx());
    if (!retrained.equals(published.onnxSha256())) {
      throw new IllegalStateException("the rebuilt history does not reproduce " + published.id() + " (its ONNX hashes to "
          + retrained + ", the published one to " + published.onnxSha256() + "): no histogram written");
    }
    Path file = ModelArtifactLayout.histogramFile(artifacts, name, version);
    try {
      Files.write(file, TrainingHistogramJson.write(TrainingHistogram.of(published.id(), published.featureNames(),
          training, TrainingHistogram.DEFAULT_BINS)), StandardOpenOption.CREATE_NEW);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
    return file;
  }
}
