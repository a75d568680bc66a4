package org.ridemarket.models;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * Scores rows with an exported model through one ONNX Runtime session, safe to share across
 * threads; this is how the gate runs ONNX and the pattern services follow.
 */
public final class OnnxScorer implements AutoCloseable {

  /** Native stack of the thread that sets ONNX Runtime up; 16 times what its set-up was seen to need. */
  static final long LOADER_STACK_BYTES = 16L << 20;

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final String inputName;
  private final String outputName;
  private final int featureCount;

  private OnnxScorer(OrtSession session, String inputName, String outputName, int featureCount) {
    this.environment = OrtEnvironment.getEnvironment();
    this.session = session;
    this.inputName = inputName;
    this.outputName = outputName;
    this.featureCount = featureCount;
  }

  /** A scorer for an exported model. */
  public static OnnxScorer open(ExportedModel model) {
    return open(model.onnx(), model.inputName(), model.outputName(), model.featureNames().size());
  }

  /** A scorer for ONNX bytes with one float input [N, featureCount] and one float output [N, 1]. */
  public static OnnxScorer open(byte[] onnx, String inputName, String outputName, int featureCount) {
    OrtSession[] session = new OrtSession[1];
    RuntimeException[] failure = new RuntimeException[1];
    // ONNX Runtime 1.29's native set-up (the environment, and a session of a few hundred trees) needs about
    // 1 MB of native stack, Java's default thread stack on x86-64 Linux: on the caller's thread it crashed the
    // JVM with SIGSEGV (no hs_err file) depending on little more than the class path's length. Scoring
    // needs no deep stack, so only the set-up moves to a thread with room to spare.
    Thread loader = new Thread(null, () -> {
      try {
        session[0] = createSession(onnx);
      } catch (RuntimeException e) {
        failure[0] = e;
      }
    }, "onnx-runtime-load", LOADER_STACK_BYTES);
    loader.start();
    try {
      loader.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while ONNX Runtime loaded the model", e);
    }
    if (failure[0] != null) {
      throw failure[0];
    }
    return new OnnxScorer(session[0], inputName, outputName, featureCount);
  }

  private static OrtSession createSession(byte[] onnx) {
    // The process-wide environment: ONNX Runtime allows one per JVM, and it is never closed.
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      // One thread per call: a tree ensemble on a few rows gains nothing from a pool, and the pool's
      // wake-ups cost milliseconds at the tail under load.
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      return environment.createSession(onnx, options);
    } catch (OrtException e) {
      throw new IllegalArgumentException("ONNX Runtime refuses the model: " + e.getMessage(), e);
    }
  }

  /** The model's output for one row. */
  public float score(float[] row) {
    return score(row, 1)[0];
  }

  /** The model's output for each row. */
  public float[] score(float[][] rows) {
    float[] flat = new float[rows.length * featureCount];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != featureCount) {
        throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values, expected " + featureCount);
      }
      System.arraycopy(rows[i], 0, flat, i * featureCount, featureCount);
    }
    return score(flat, rows.length);
  }

  private float[] score(float[] flat, int rowCount) {
    if (flat.length != rowCount * featureCount) {
      throw new IllegalArgumentException("expected rows of " + featureCount + " features");
    }
    try (OnnxTensor input = OnnxTensor.createTensor(environment, FloatBuffer.wrap(flat),
            new long[] {rowCount, featureCount});
        OrtSession.Result result = session.run(Map.of(inputName, input))) {
      OnnxValue output = result.get(outputName)
          .orElseThrow(() -> new IllegalStateException("the model has no output named " + outputName));
      FloatBuffer values = ((OnnxTensor) output).getFloatBuffer();
      float[] scores = new float[rowCount];
      values.get(scores);
      return scores;
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime failed to score " + rowCount + " rows: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("cannot close the ONNX Runtime session", e);
    }
  }
}
