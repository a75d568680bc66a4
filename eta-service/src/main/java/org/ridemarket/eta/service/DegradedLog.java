package org.ridemarket.eta.service;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.ridemarket.eta.inference.ModelUnavailableException;
import org.ridemarket.eta.repository.FeatureStoreException;

/**
 * Logs why ETAs fall back to the routing baseline, at most once every ten seconds: during an outage
 * every ETA falls back, and the metric counts them; the log only has to say why.
 */
final class DegradedLog {

  private static final Logger LOG = Logger.getLogger(EtaService.class);
  private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

  // Apart, so that a steady trickle of malformed hashes never hides the start of an outage.
  private final AtomicLong nextFallback = new AtomicLong(System.nanoTime());
  private final AtomicLong nextMalformed = new AtomicLong(System.nanoTime());

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

  /** Logs a fallback, unless one was logged in the last ten seconds. */
  void report(String reason, Throwable failure) {
    if (!due(nextFallback)) {
      return;
    }
    if (reason.equals("internal")) {
      LOG.errorf(failure, "ETA answered from the routing baseline (%s)", reason);
    } else {
      LOG.warnf("ETA answered from the routing baseline (%s): %s", reason, failure.getMessage());
    }
  }

  /** Logs congestion hashes that did not parse (their cells were treated as unknown), rate-limited the same way. */
  void malformed(List<String> cells) {
    if (due(nextMalformed)) {
      LOG.warnf("congestion hashes that do not parse, read as unknown cells: %s", cells);
    }
  }

  private static boolean due(AtomicLong next) {
    long due = next.get();
    return System.nanoTime() - due >= 0 && next.compareAndSet(due, System.nanoTime() + INTERVAL_NANOS);
  }
}
