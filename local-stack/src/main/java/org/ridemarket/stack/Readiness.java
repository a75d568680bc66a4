package org.ridemarket.stack;

import java.time.Duration;
import java.time.Instant;

/** Polls a health check until it passes, the deadline passes, or the server is known to be dead. */
final class Readiness {

  private static final Duration POLL = Duration.ofMillis(100);

  /** A health check: returns when healthy, throws when not (yet). */
  @FunctionalInterface
  interface Check {
    void run() throws Exception;
  }

  /** Thrown by a check when waiting longer cannot help, e.g. the server process exited. */
  static final class Dead extends RuntimeException {
    Dead(String message) {
      super(message);
    }
  }

  private Readiness() {
  }

  static void await(String name, Instant deadline, Check check) throws InterruptedException {
    Exception last = null;
    while (Instant.now().isBefore(deadline)) {
      try {
        check.run();
        return;
      } catch (Dead e) {
        throw e;
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        last = e;
      }
      Thread.sleep(POLL.toMillis());
    }
    throw new IllegalStateException(name + " did not become healthy in time"
        + (last == null ? "" : ": " + last.getMessage()), last);
  }
}
