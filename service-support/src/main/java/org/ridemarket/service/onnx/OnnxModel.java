package org.ridemarket.service.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Optional;
import org.ridemarket.contracts.model.ModelArtifact;
import org.ridemarket.contracts.model.ModelSignature;
import org.ridemarket.service.drift.FeatureDrift;

/**
 * A verified model in one ONNX Runtime session shared by all threads; each thread reuses a direct
 * input buffer, so a single-row score allocates no native memory for its input.
 */
public final class OnnxModel implements AutoCloseable {

  /** Native stack of the thread that sets ONNX Runtime up; the models module's OnnxScorer uses the same. */
  static final long LOADER_STACK_BYTES = 16L << 20;

  private final ModelSignature signature;
  private final OrtEnvironment environment;
  private final OrtSession session;
  private final int featureCount;
  private final ThreadLocal<FloatBuffer> rowBuffers;
  private final FeatureDrift drift;

  private OnnxModel(ModelSignature signature, OrtSession session, FeatureDrift drift) {
    this.signature = signature;
    // One environment per JVM: ONNX Runtime allows no more, and it lives as long as the process.
    this.environment = OrtEnvironment.getEnvironment();
    this.session = session;
    this.featureCount = signature.featureNames().size();
    this.rowBuffers = ThreadLocal.withInitial(() -> direct(featureCount));
    this.drift = drift;
  }

  /**
   * Opens a session for an artifact whose bytes and features the caller has checked.
   *
   * @throws IllegalArgumentException when ONNX Runtime refuses the model
   */
  public static OnnxModel open(ModelArtifact artifact) {
    return open(artifact, Optional.empty());
  }

  /**
   * Opens a session for a checked artifact whose served rows {@code drift} counts against the model's
   * training histogram.
   */
  public static OnnxModel open(ModelArtifact artifact, Optional<FeatureDrift> drift) {
    return new OnnxModel(artifact.signature(), SessionLoader.load(artifact.onnx()), drift.orElse(null));
  }

  /** The drift monitor of the rows this model scores; empty when it was published without a training histogram. */
  public Optional<FeatureDrift> drift() {
    return Optional.ofNullable(drift);
  }

  /** {@code name:version} of the model. */
  public String id() {
    return signature.id();
  }

  /** The model's signature: feature order, training window, metrics. */
  public ModelSignature signature() {
    return signature;
  }

  /** The model's output for one row in signature order. */
  public float score(float[] row) {
    checkWidth(row);
    if (drift != null) {
      drift.record(row);
    }
    return runOne(row);
  }

  /**
   * Runs the model on {@code row} like {@link #score(float[])} but counts nothing (no drift): a rehearsal
   * that warms the session, the JNI path and the JIT before real requests arrive (ADR 0031).
   */
  public float rehearse(float[] row) {
    checkWidth(row);
    return runOne(row);
  }

  /** The model's outputs for several rows in one run, in row order. */
  public float[] score(float[][] rows) {
    if (rows.length == 0) {
      return new float[0];
    }
    FloatBuffer input = direct(rows.length * featureCount);
    for (float[] row : rows) {
      checkWidth(row);
      input.put(row);
      if (drift != null) {
        drift.record(row);
      }
    }
    return run(input.flip(), rows.length);
  }

  private void checkWidth(float[] row) {
    if (row.length != featureCount) {
      throw new IllegalArgumentException(id() + " takes " + featureCount + " features, got " + row.length);
    }
  }

  private float runOne(float[] row) {
    FloatBuffer input = rowBuffers.get();
    input.clear();
    input.put(row).flip();
    return run(input, 1)[0];
  }

  private float[] run(FloatBuffer input, int rowCount) {
    try (OnnxTensor tensor = OnnxTensor.createTensor(environment, input, new long[] {rowCount, featureCount});
        OrtSession.Result result = session.run(Map.of(signature.inputName(), tensor))) {
      OnnxValue output = result.get(signature.outputName())
          .orElseThrow(() -> new IllegalStateException(id() + " has no output " + signature.outputName()));
      float[] outputs = new float[rowCount];
      ((OnnxTensor) output).getFloatBuffer().get(outputs);
      return outputs;
    } catch (OrtException e) {
      throw new IllegalStateException(id() + " failed to score " + rowCount + " rows: " + e.getMessage(), e);
    }
  }

  private static FloatBuffer direct(int floats) {
    return ByteBuffer.allocateDirect(floats * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("cannot close the session of " + id(), e);
    }
  }
}
