package org.ridemarket.fraud.inference;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;
import org.ridemarket.contracts.model.ModelArtifact;
import org.ridemarket.contracts.model.ModelSignature;

/**
 * A verified fraud model in one ONNX Runtime session shared by all threads; each thread reuses a
 * direct input buffer, so a single-row prediction allocates no native memory for its input.
 */
public final class FraudModel implements AutoCloseable {

  private final ModelSignature signature;
  private final OrtEnvironment environment;
  private final OrtSession session;
  private final int featureCount;
  private final ThreadLocal<FloatBuffer> rowBuffers;

  private FraudModel(ModelSignature signature, OrtEnvironment environment, OrtSession session) {
    this.signature = signature;
    this.environment = environment;
    this.session = session;
    this.featureCount = signature.featureNames().size();
    this.rowBuffers = ThreadLocal.withInitial(() -> direct(featureCount));
  }

  /** Opens a session for an artifact whose signature the caller has checked. */
  static FraudModel open(ModelArtifact artifact) throws OrtException {
    // One environment per JVM: ONNX Runtime allows no more, and it lives as long as the process.
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      // A tree ensemble on a few rows gains nothing from a thread pool, whose wake-ups cost at the tail.
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      return new FraudModel(artifact.signature(), environment, environment.createSession(artifact.onnx(), options));
    }
  }

  /** {@code name:version} of the served model. */
  public String id() {
    return signature.id();
  }

  /** The model's signature: feature order, training window, metrics. */
  public ModelSignature signature() {
    return signature;
  }

  /** The probability of fraud of one scoring row in signature order. */
  public float predict(float[] row) {
    if (row.length != featureCount) {
      throw new IllegalArgumentException(id() + " takes " + featureCount + " features, got " + row.length);
    }
    FloatBuffer input = rowBuffers.get();
    input.clear();
    input.put(row).flip();
    return run(input, 1)[0];
  }

  /** The probabilities of several rows in one run (the attribution batch). */
  public float[] predict(float[][] rows) {
    if (rows.length == 0) {
      return new float[0];
    }
    FloatBuffer input = direct(rows.length * featureCount);
    for (float[] row : rows) {
      input.put(row);
    }
    return run(input.flip(), rows.length);
  }

  private float[] run(FloatBuffer input, int rowCount) {
    if (input.remaining() != rowCount * featureCount) {
      throw new IllegalArgumentException("expected rows of " + featureCount + " features");
    }
    try (OnnxTensor tensor = OnnxTensor.createTensor(environment, input, new long[] {rowCount, featureCount});
        OrtSession.Result result = session.run(Map.of(signature.inputName(), tensor))) {
      OnnxValue output = result.get(signature.outputName())
          .orElseThrow(() -> new IllegalStateException(id() + " has no output " + signature.outputName()));
      float[] predictions = new float[rowCount];
      ((OnnxTensor) output).getFloatBuffer().get(predictions);
      return predictions;
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
