package org.ridemarket.service.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.ridemarket.contracts.model.ModelArtifact;
import org.ridemarket.contracts.model.ModelSignature;
import org.ridemarket.service.drift.FeatureDrift;

/**
 * A verified model in one ONNX Runtime session shared by all threads. Each thread scores single rows
 * through its own input and output tensors, made once over direct buffers and reused ({@link RowRun}): a
 * score writes the row into the input's buffer and reads the answer from the output's, and ONNX Runtime
 * neither wraps a new input nor builds a Java tensor for the output on every call.
 */
public final class OnnxModel implements AutoCloseable {

  /** Native stack of the thread that sets ONNX Runtime up; the models module's OnnxScorer uses the same. */
  static final long LOADER_STACK_BYTES = 16L << 20;

  private final ModelSignature signature;
  private final OrtEnvironment environment;
  private final OrtSession session;
  private final int featureCount;
  private final long[] rowOutputShape;
  private final ThreadLocal<RowRun> rowRuns;
  private final Queue<RowRun> openRowRuns = new ConcurrentLinkedQueue<>();
  private final FeatureDrift drift;

  private OnnxModel(ModelSignature signature, OrtSession session, FeatureDrift drift) {
    this.signature = signature;
    // One environment per JVM: ONNX Runtime allows no more, and it lives as long as the process.
    this.environment = OrtEnvironment.getEnvironment();
    this.session = session;
    this.featureCount = signature.featureNames().size();
    this.rowOutputShape = rowOutputShape(session, signature.outputName());
    this.rowRuns = ThreadLocal.withInitial(this::newRowRun);
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
    RowRun run = rowRuns.get();
    if (run == null) {
      FloatBuffer input = direct(featureCount).put(row).flip();
      return run(input, 1)[0];
    }
    return run.score(row);
  }

  /** How many threads hold their own input and output tensors for single rows (closed with the model); for tests. */
  int rowRunsOpen() {
    return openRowRuns.size();
  }

  // A thread's tensors for single rows, or null when the output is not one float per row (then each score makes
  // its tensors, as a batch does).
  private RowRun newRowRun() {
    if (rowOutputShape == null) {
      return null;
    }
    try {
      RowRun run = new RowRun();
      openRowRuns.add(run);
      return run;
    } catch (OrtException e) {
      throw new IllegalStateException(id() + " could not make its tensors for single rows: " + e.getMessage(), e);
    }
  }

  // The output's shape for one row when it is a float tensor of one value per row ([-1, 1] or [-1]), else null.
  private static long[] rowOutputShape(OrtSession session, String outputName) {
    try {
      NodeInfo output = session.getOutputInfo().get(outputName);
      if (output == null || !(output.getInfo() instanceof TensorInfo tensor) || tensor.type != OnnxJavaType.FLOAT) {
        return null;
      }
      long[] shape = tensor.getShape().clone();
      long values = 1;
      for (int i = 0; i < shape.length; i++) {
        shape[i] = shape[i] < 0 ? 1 : shape[i];
        values *= shape[i];
      }
      return shape.length >= 1 && values == 1 ? shape : null;
    } catch (OrtException e) {
      throw new IllegalStateException("cannot read the outputs of a model: " + e.getMessage(), e);
    }
  }

  /**
   * One thread's input and output tensors for single rows. The tensors wrap direct buffers that ONNX Runtime reads
   * and writes in place, so they are made once; the output is pinned (ONNX Runtime writes the answer into it rather
   * than allocating an output and describing it to Java through JNI class lookups on every run).
   */
  private final class RowRun {
    private final FloatBuffer input = direct(featureCount);
    private final FloatBuffer output = direct(1);
    private final OnnxTensor inputTensor;
    private final OnnxTensor outputTensor;
    private final Map<String, OnnxTensor> inputs;
    private final Map<String, OnnxTensor> outputs;

    RowRun() throws OrtException {
      inputTensor = OnnxTensor.createTensor(environment, input, new long[] {1, featureCount});
      try {
        outputTensor = OnnxTensor.createTensor(environment, output, rowOutputShape);
      } catch (OrtException | RuntimeException e) {
        inputTensor.close();
        throw e;
      }
      inputs = Map.of(signature.inputName(), inputTensor);
      outputs = Map.of(signature.outputName(), outputTensor);
    }

    float score(float[] row) {
      input.put(0, row);
      try (OrtSession.Result ignored = session.run(inputs, outputs)) {
        return output.get(0);
      } catch (OrtException e) {
        throw new IllegalStateException(id() + " failed to score 1 row: " + e.getMessage(), e);
      }
    }

    void close() {
      inputTensor.close();
      outputTensor.close();
    }
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
    // Called once no lease is left (ModelSlot), so no thread is scoring through these tensors.
    RowRun run;
    while ((run = openRowRuns.poll()) != null) {
      run.close();
    }
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("cannot close the session of " + id(), e);
    }
  }
}
