package org.ridemarket.loadtest.bench;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Something done at a fixed offset into a load (a CPU reading, a SIGSTOP, an admin call), on a thread
 * of its own so that a slow action never delays a request.
 *
 * @param at offset from the load's start
 * @param task what to do
 */
public record TimedAction(Duration at, Runnable task) {

  /** Runs {@code actions} in order of their offsets from {@code startNanos}; a failing one is reported, not fatal. */
  static void runAll(List<TimedAction> actions, long startNanos) {
    for (TimedAction action : actions.stream().sorted(Comparator.comparing(TimedAction::at)).toList()) {
      long due = startNanos + action.at().toNanos();
      for (long now = System.nanoTime(); now < due; now = System.nanoTime()) {
        LockSupport.parkNanos(due - now);
      }
      try {
        action.task().run();
      } catch (RuntimeException e) {
        System.err.println("warning: an action at " + action.at() + " failed: " + e);
      }
    }
  }
}
