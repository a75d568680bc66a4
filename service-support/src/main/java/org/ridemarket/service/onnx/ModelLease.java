package org.ridemarket.service.onnx;

/**
 * A model leased for one request: it stays open until the lease is closed, even if a newer version is
 * swapped in meanwhile. Use in try-with-resources. Score through the lease, not {@link #model()}, so
 * that a shadow candidate of the slot sees a sample of the rows (ADR 0033).
 */
public final class ModelLease implements AutoCloseable {

  private final LiveModel live;
  private final ShadowModel shadow;
  private boolean closed;

  ModelLease(LiveModel live, ShadowModel shadow) {
    this.live = live;
    this.shadow = shadow;
  }

  /** The leased model. */
  public OnnxModel model() {
    return live.model();
  }

  /** Scores one row with the leased model, and offers it to the slot's shadow candidate if there is one. */
  public float score(float[] row) {
    float value = live.model().score(row);
    if (shadow != null && shadow.sampled()) {
      shadow.offer(new float[][] {row}, new float[] {value});
    }
    return value;
  }

  /** Scores rows in one run with the leased model, and offers them to the slot's shadow candidate if there is one. */
  public float[] score(float[][] rows) {
    float[] values = live.model().score(rows);
    if (shadow != null && shadow.sampled()) {
      shadow.offer(rows, values);
    }
    return values;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      live.release();
    }
  }
}
