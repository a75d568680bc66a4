package org.ridemarket.service.deadline;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.ridemarket.service.vertx.VertxContexts;

/**
 * The one timer of a service's deadlines: a hashed wheel (Netty's, the kind Lettuce keeps for its own
 * command timeouts) that turns every {@value #TICK_MILLIS} ms. Setting a timer or cancelling it only
 * enqueues it, so neither wakes a thread. Each request sets two or three timers and nearly all are
 * cancelled within milliseconds; the per-call timers this replaces (a ScheduledThreadPoolExecutor, Quarkus'
 * scheduler, Vert.x timers cancelled from other threads) woke a thread for most of them
 * (docs/adr/0035-one-deadline-wheel.md).
 *
 * <p>A timer fires no earlier than its time and at most a tick later. The wheel's thread only hands the
 * expiry to where the timer was set: the setter's Vert.x context, or Mutiny's worker pool off one. So an
 * expiry's work (a degraded answer, a 503) never delays another expiry.
 */
public final class DeadlineTimer {

  static final long TICK_MILLIS = 5;
  private static final Logger LOG = Logger.getLogger(DeadlineTimer.class);
  private static volatile HashedWheelTimer wheel;

  private DeadlineTimer() {
  }

  /**
   * Runs {@code expiry} {@code delay} from now (up to a tick later) unless the returned timeout is
   * cancelled first: on the calling thread's Vert.x context, or on Mutiny's worker pool when there is none.
   */
  public static Timeout schedule(Duration delay, Runnable expiry) {
    Executor executor = VertxContexts.currentOr(Infrastructure.getDefaultExecutor());
    return wheel().newTimeout(timeout -> executor.execute(expiry), delay.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Timers set and neither fired nor cancelled yet (a cancelled one is dropped at the next tick). */
  static long pending() {
    HashedWheelTimer current = wheel;
    return current == null ? 0 : current.pendingTimeouts();
  }

  /**
   * Stops the wheel (the application is stopping) and fires what was still pending at once, so that no
   * caller is left waiting for a deadline that would never come. A timer set later starts a new wheel.
   */
  static synchronized void stop() {
    HashedWheelTimer stopping = wheel;
    if (stopping == null) {
      return;
    }
    wheel = null;
    for (Timeout left : stopping.stop()) {
      try {
        left.task().run(left);
      } catch (Exception e) {
        LOG.debugf("a deadline fired at shutdown failed: %s", e.getMessage());
      }
    }
  }

  private static HashedWheelTimer wheel() {
    HashedWheelTimer current = wheel;
    if (current != null) {
      return current;
    }
    synchronized (DeadlineTimer.class) {
      if (wheel == null) {
        // 512 slots of 5 ms: one turn is 2.56 s, more than any budget; longer timers take several turns.
        wheel = new HashedWheelTimer(runnable -> {
          Thread thread = new Thread(runnable, "deadline-timer");
          thread.setDaemon(true);
          return thread;
        }, TICK_MILLIS, TimeUnit.MILLISECONDS, 512, false);
      }
      return wheel;
    }
  }
}
