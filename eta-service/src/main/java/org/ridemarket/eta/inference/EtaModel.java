package org.ridemarket.eta.inference;

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
 * One verified ETA model (point or quantile) in an ONNX Runtime session shared by all threads; each
 * thread reuses a direct input buffer, so a prediction allocates no native memory for its input.
 */
public final class EtaModel implements AutoCloseable {

  private final ModelSignature signature;
  private final OrtEnvironment environment;
  private final OrtSession session;
  private final int featureCount;
  private final ThreadLocal<FloatBuffer> rowBuffers;

  private EtaModel(ModelSignature signature, OrtEnvironment environment, OrtSession session) {
    this.signature = signature;
    this.environment = environment;
    this.session = session;
    this.featureCount = signature.featureNames().size();
    this.rowBuffers = ThreadLocal.withInitial(() ->
        ByteBuffer.allocateDirect(featureCount * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer());
  }

  /** Opens a session for an artifact whose signature the caller has checked. */
  static EtaModel open(ModelArtifact artifact) throws OrtException {
    // One environment per JVM: ONNX Runtime allows no more, and it lives as long as the process.
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      // A tree ensemble on one row gains nothing from a thread pool, whose wake-ups cost at the tail.
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      return new EtaModel(artifact.signature(), environment, environment.createSession(artifact.onnx(), options));
    }
  }

  /** {@code name:version} of the model. */
  public String id() {
    return signature.id();
  }

  /** The model's signature: feature order, training window, metrics. */
  public ModelSignature signature() {
    return signature;
  }

  /** The predicted residual ln(actual / baseline) of one row in signature order. */
  public float predict(float[] row) {
    if (row.length != featureCount) {
      throw new IllegalArgumentException(id() + " takes " + featureCount + " features, got " + row.length);
    }
    FloatBuffer input = rowBuffers.get();
    input.clear();
    input.put(row).flip();
    try (OnnxTensor tensor = OnnxTensor.createTensor(environment, input, new long[] {1, featureCount});
        OrtSession.Result result = session.run(Map.of(signature.inputName(), tensor))) {
      OnnxValue output = result.get(signature.outputName())
          .orElseThrow(() -> new IllegalStateException(id() + " has no output " + signature.outputName()));
      // Output [1, 1]: the row's one prediction.
      return ((OnnxTensor) output).getFloatBuffer().get(0);
    } catch (OrtException e) {
      throw new IllegalStateException(id() + " failed to score a row: " + e.getMessage(), e);
    }
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
