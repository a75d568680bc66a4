package org.ridemarket.service.onnx;

import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * A model in service, counted: the slot holds one reference and every request in flight one more, so
 * that a swapped-out session is closed only when the last request that leased it has finished.
 */
final class LiveModel {

  private static final Logger LOG = Logger.getLogger(LiveModel.class);

  private final OnnxModel model;
  // 1 for the slot's own reference; 0 means closed, and nothing may lease it again.
  private final AtomicInteger references = new AtomicInteger(1);

  LiveModel(OnnxModel model) {
    this.model = model;
  }

  OnnxModel model() {
    return model;
  }

  /** Takes a reference unless the model is already closed. */
  boolean tryAcquire() {
    while (true) {
      int now = references.get();
      if (now == 0) {
        return false;
      }
      if (references.compareAndSet(now, now + 1)) {
        return true;
      }
    }
  }

  /** Gives a reference back; the last one closes the session. */
  void release() {
    if (references.decrementAndGet() == 0) {
      try {
        model.close();
        LOG.infof("closed the session of %s", model.id());
      } catch (RuntimeException e) {
        LOG.warnf("closing the session of %s failed: %s", model.id(), e.getMessage());
      }
    }
  }
}
