package org.ridemarket.service.logging;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Logs at most one line per interval: during an outage every answer is degraded and a metric counts
 * them; the log only has to say why, not drown the reason in a line per request.
 */
public final class RateLimitedLog {

  /** How often the services say why they are degraded. */
  public static final Duration EVERY_TEN_SECONDS = Duration.ofSeconds(10);

  private final Logger log;
  private final long intervalNanos;
  private final AtomicLong nextLine = new AtomicLong(System.nanoTime());

  /** Logs to {@code log} at most once every ten seconds. */
  public RateLimitedLog(Logger log) {
    this(log, EVERY_TEN_SECONDS);
  }

  /** Logs to {@code log} at most once per {@code interval}. */
  public RateLimitedLog(Logger log, Duration interval) {
    this.log = log;
    this.intervalNanos = interval.toNanos();
  }

  /**
   * Says why an answer was degraded: a warning with the failure's message, or, for the reason
   * {@code internal} (a bug, not an outage), an error with its stack trace.
   */
  public void degraded(String what, String reason, Throwable failure) {
    if (!due()) {
      return;
    }
    if (reason.equals("internal")) {
      log.errorf(failure, "%s (%s)", what, reason);
    } else {
      log.warnf("%s (%s): %s", what, reason, failure.getMessage());
    }
  }

  /** A warning, unless a line was logged within the interval. */
  public void warnf(String format, Object... params) {
    if (due()) {
      log.warnf(format, params);
    }
  }

  private boolean due() {
    long due = nextLine.get();
    long now = System.nanoTime();
    return now - due >= 0 && nextLine.compareAndSet(due, now + intervalNanos);
  }
}
