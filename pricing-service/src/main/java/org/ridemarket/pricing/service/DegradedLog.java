package org.ridemarket.pricing.service;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.ridemarket.pricing.inference.ModelUnavailableException;
import org.ridemarket.pricing.repository.FeatureStoreException;

/**
 * Logs why surge decisions fall back, at most once every ten seconds: during an outage every quote
 * falls back, and the metric counts them; the log only has to say why.
 */
final class DegradedLog {

  private static final Logger LOG = Logger.getLogger(SurgeService.class);
  private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final AtomicLong nextReport = new AtomicLong(System.nanoTime());

  /** The metric's reason tag for a failure: features, model or internal. */
  static String reasonOf(Throwable failure) {
    if (failure instanceof FeatureStoreException) {
      return "features";
    }
    if (failure instanceof ModelUnavailableException || failure instanceof IllegalStateException
        || failure instanceof IllegalArgumentException) {
      return "model";
    }
    return "internal";
  }

  void report(String reason, Throwable failure) {
    long due = nextReport.get();
    if (System.nanoTime() - due < 0 || !nextReport.compareAndSet(due, System.nanoTime() + INTERVAL_NANOS)) {
      return;
    }
    if (reason.equals("internal")) {
      LOG.errorf(failure, "surge answered from fallback (%s)", reason);
    } else {
      LOG.warnf("surge answered from fallback (%s): %s", reason, failure.getMessage());
    }
  }
}
