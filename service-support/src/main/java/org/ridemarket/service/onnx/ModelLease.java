package org.ridemarket.service.onnx;

/**
 * A model leased for one request: it stays open until the lease is closed, even if a newer version is
 * swapped in meanwhile. Use in try-with-resources.
 */
public final class ModelLease implements AutoCloseable {

  private final LiveModel live;
  private boolean closed;

  ModelLease(LiveModel live) {
    this.live = live;
  }

  /** The leased model. */
  public OnnxModel model() {
    return live.model();
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      live.release();
    }
  }
}
