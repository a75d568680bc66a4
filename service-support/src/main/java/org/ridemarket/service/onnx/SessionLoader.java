package org.ridemarket.service.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/** Creates ONNX Runtime sessions on a thread with stack enough for ONNX Runtime's native set-up. */
final class SessionLoader {

  private SessionLoader() {
  }

  static OrtSession load(byte[] onnx) {
    OrtSession[] session = new OrtSession[1];
    RuntimeException[] failure = new RuntimeException[1];
    // ONNX Runtime 1.29's native set-up (the environment, and a session of a few hundred trees) needs about
    // 1 MB of native stack, Java's default thread stack on x86-64 Linux: on the caller's thread it can crash
    // the JVM with SIGSEGV (no hs_err file). Scoring needs no deep stack, so only the set-up moves.
    Thread loader = new Thread(null, () -> {
      try {
        session[0] = create(onnx);
      } catch (RuntimeException e) {
        failure[0] = e;
      }
    }, "onnx-runtime-load", OnnxModel.LOADER_STACK_BYTES);
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
    return session[0];
  }

  private static OrtSession create(byte[] onnx) {
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      // A tree ensemble on a few rows gains nothing from a thread pool, whose wake-ups cost at the tail.
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      return environment.createSession(onnx, options);
    } catch (OrtException e) {
      throw new IllegalArgumentException("ONNX Runtime refuses the model: " + e.getMessage(), e);
    }
  }
}
