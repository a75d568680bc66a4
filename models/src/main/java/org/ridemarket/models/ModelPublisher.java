package org.ridemarket.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import ml.dmlc.xgboost4j.java.Booster;
import org.ridemarket.contracts.model.GateReport;
import org.ridemarket.contracts.model.ModelArtifactLayout;
import org.ridemarket.contracts.model.ModelArtifacts;
import org.ridemarket.contracts.model.ModelSignature;
import org.ridemarket.contracts.model.ModelSignatureJson;
import org.ridemarket.contracts.model.TrainingHistogram;
import org.ridemarket.contracts.model.TrainingHistogramJson;

/**
 * Publishes exported models into an artifact store ({@link ModelArtifactLayout}): it runs the
 * parity gate itself on the very bytes it is about to write, and writes the {@code .onnx} file and
 * its signature only if the gate passed.
 */
public final class ModelPublisher {

  private final Path root;
  private final ExportGate gate;
  private final Clock clock;

  /** A publisher into {@code root} with the project's gate. */
  public ModelPublisher(Path root) {
    this(root, new ExportGate(), Clock.systemUTC());
  }

  /** A publisher with an explicit gate and clock (the clock stamps {@link ModelSignature#createdAt()}). */
  public ModelPublisher(Path root, ExportGate gate, Clock clock) {
    this.root = root;
    this.gate = gate;
    this.clock = clock;
  }

  /**
   * Gates and publishes a model version.
   *
   * @param heldOut rows the booster was not trained on, in feature order, NaN for missing
   * @return the published signature
   * @throws ExportRejectedException if the gate fails; nothing is written
   * @throws UncheckedIOException if the version already exists or the files cannot be written
   */
  public ModelSignature publish(ModelDescription description, Booster booster, ExportedModel exported,
      float[][] heldOut) {
    return publish(description, booster, exported, heldOut, null);
  }

  /**
   * Publishes as {@link #publish(ModelDescription, Booster, ExportedModel, float[][])} does, with the
   * training histogram of {@code training} (the rows the booster was fit on, in feature order) beside the
   * signature, which the services' drift monitor compares what they serve with (ADR 0019).
   *
   * @param training the training rows, or null for no histogram
   */
  public ModelSignature publish(ModelDescription description, Booster booster, ExportedModel exported,
      float[][] heldOut, float[][] training) {
    Path onnxFile = ModelArtifactLayout.onnxFile(root, description.name(), description.version());
    Path signatureFile = ModelArtifactLayout.signatureFile(root, description.name(), description.version());
    if (Files.exists(onnxFile) || Files.exists(signatureFile)) {
      throw new UncheckedIOException(new FileAlreadyExistsException(onnxFile.toString(), null,
          "model versions are immutable; publish a new version"));
    }
    byte[] onnx = exported.onnx();
    GateReport report = gate.check(booster, exported, heldOut);
    String id = description.name() + ":" + description.version();
    if (!report.passed()) {
      throw new ExportRejectedException(id, report);
    }
    ModelSignature signature = new ModelSignature(description.name(), description.version(),
        exported.featureNames(), exported.objective().xgboostName(), exported.inputName(), exported.outputName(),
        description.trainedFrom(), description.trainedTo(), description.metrics(), clock.instant(),
        ModelArtifacts.sha256(onnx), report, description.history(), description.settings());
    byte[] histogram = training == null ? null : TrainingHistogramJson.write(TrainingHistogram.of(
        id, exported.featureNames(), training, TrainingHistogram.DEFAULT_BINS));
    write(onnxFile, onnx, ModelArtifactLayout.histogramFile(root, description.name(), description.version()),
        histogram, signatureFile, ModelSignatureJson.write(signature));
    return signature;
  }

  // The files are written to temporaries first and renamed into place, the signature last: a reader
  // that finds a signature finds the complete .onnx (and histogram, if any) next to it.
  private static void write(Path onnxFile, byte[] onnx, Path histogramFile, byte[] histogram, Path signatureFile,
      byte[] signature) {
    List<Path> written = new ArrayList<>();
    try {
      Path directory = Files.createDirectories(onnxFile.getParent());
      Path onnxTemp = temporary(directory, onnxFile);
      written.add(Files.write(onnxTemp, onnx, StandardOpenOption.CREATE_NEW));
      Path signatureTemp = temporary(directory, signatureFile);
      written.add(Files.write(signatureTemp, signature, StandardOpenOption.CREATE_NEW));
      written.add(Files.move(onnxTemp, onnxFile));
      if (histogram != null) {
        Path histogramTemp = temporary(directory, histogramFile);
        written.add(Files.write(histogramTemp, histogram, StandardOpenOption.CREATE_NEW));
        written.add(Files.move(histogramTemp, histogramFile));
      }
      written.add(Files.move(signatureTemp, signatureFile));
    } catch (IOException e) {
      written.forEach(ModelPublisher::deleteQuietly);
      throw new UncheckedIOException("cannot publish " + onnxFile.getFileName(), e);
    }
  }

  // Not Files.createTempFile: its owner-only permissions would follow the file and lock services out.
  private static Path temporary(Path directory, Path target) {
    return directory.resolve(".publishing-" + UUID.randomUUID() + "-" + target.getFileName());
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // Best effort while already failing; the original error is the one worth reporting.
    }
  }
}
