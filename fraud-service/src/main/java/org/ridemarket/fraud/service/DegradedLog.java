package org.ridemarket.fraud.service;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Logs why decisions are degraded, at most once every ten seconds: during an outage every decision is
 * degraded, and the decisions counter counts them; the log only has to say why.
 */
final class DegradedLog {

  private static final Logger LOG = Logger.getLogger(FraudService.class);
  private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final AtomicLong nextReport = new AtomicLong(System.nanoTime());

  void report(String reason, Throwable failure) {
    long due = nextReport.get();
    if (System.nanoTime() - due < 0 || !nextReport.compareAndSet(due, System.nanoTime() + INTERVAL_NANOS)) {
      return;
    }
    LOG.warnf("fraud decisions degraded (%s): %s", reason, failure.getMessage());
  }
}
