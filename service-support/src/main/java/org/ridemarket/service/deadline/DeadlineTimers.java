package org.ridemarket.service.deadline;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The process's one timer thread for deadlines set off a Vert.x event loop: a bound set on a decision-pool worker
 * or on Lettuce's thread after a read ({@link Deadline#bound}), and the journal's expiries. Timers are cancelled
 * and removed as soon as their call answers, and deadlines are set in increasing order, so the thread sleeps until
 * the oldest pending deadline and wakes little more than when one expires. (Mutiny's default, Quarkus's worker pool
 * scheduler, woke its own thread for every timer: 25 ms/s of eta-service's CPU at 1,000 ETAs/s.) What runs at an
 * expiry must be short (failing a future, a degraded answer): the thread serves every deadline of the process.
 */
public final class DeadlineTimers {

  private static final ScheduledThreadPoolExecutor TIMERS = timers();

  private DeadlineTimers() {
  }

  /** The shared timer executor. */
  public static ScheduledExecutorService shared() {
    return TIMERS;
  }

  private static ScheduledThreadPoolExecutor timers() {
    ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "deadline-timers");
      thread.setDaemon(true);
      return thread;
    });
    timers.setRemoveOnCancelPolicy(true);
    return timers;
  }
}
