package org.ridemarket.stack;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the launcher's children running: a child that exits while the stack runs is restarted after a
 * back-off that grows with each crash in a row, and every exit and restart is logged, the way Kubernetes
 * restarts a container. A restart on request ({@code ./stack restart NAME}) stops and starts one child
 * without counting it as a crash.
 */
final class Supervisor implements AutoCloseable {

  private final PrintStream out;
  private final RestartBackoff backoff;
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, runnable -> {
    Thread thread = new Thread(runnable, "stack-supervisor");
    thread.setDaemon(true);
    return thread;
  });
  private final Map<String, Watched> children = new LinkedHashMap<>();
  private volatile boolean stopping;

  // One child's restart history; its monitor serialises crash restarts and restarts on request.
  private static final class Watched {
    final Supervised child;
    int crashesInARow;
    long upSinceNanos = System.nanoTime();
    // Bumped before every stop or start the supervisor makes itself, so the old process's exit is not a crash.
    long generation;

    Watched(Supervised child) {
      this.child = child;
    }
  }

  Supervisor(PrintStream out, RestartBackoff backoff) {
    this.out = out;
    this.backoff = backoff;
  }

  /** Restarts this child whenever it exits from now on, until the supervisor closes. */
  void watch(Supervised child) {
    Watched watched = new Watched(child);
    synchronized (children) {
      children.put(child.name(), watched);
    }
    listen(watched);
  }

  /** The names of the children watched, in the order they were first watched. */
  String names() {
    synchronized (children) {
      return String.join(", ", children.keySet());
    }
  }

  /**
   * Stops the named child and starts it again on the same data and environment; returns a line saying
   * what happened. A child that does not come back is then restarted with back-off, as after a crash.
   */
  String restart(String name) {
    Watched watched;
    synchronized (children) {
      watched = children.get(name);
    }
    if (watched == null) {
      throw new IllegalArgumentException("no child named '" + name + "'; the stack runs " + names());
    }
    synchronized (watched) {
      if (stopping) {
        throw new IllegalStateException("the stack is stopping");
      }
      long started = System.nanoTime();
      watched.generation++;
      out.println("[stack] restarting " + name + " (pid " + watched.child.handle().pid() + ") on request");
      watched.child.stop();
      try {
        watched.child.restart();
      } catch (Exception e) {
        String failure = name + " did not start again: " + describe(e);
        watched.crashesInARow = 1;
        retryLater(watched, failure);
        return failure;
      }
      watched.crashesInARow = 0;
      watched.upSinceNanos = System.nanoTime();
      String done = "restarted " + name + " (pid " + watched.child.handle().pid() + ") on request in "
          + seconds(System.nanoTime() - started);
      out.println("[stack] " + done);
      listen(watched);
      return done;
    }
  }

  private void listen(Watched watched) {
    long generation;
    synchronized (watched) {
      generation = watched.generation;
    }
    watched.child.exited().thenAccept(how -> crashed(watched, generation, how));
  }

  private void crashed(Watched watched, long generation, String how) {
    synchronized (watched) {
      if (stopping || generation != watched.generation) {
        return;
      }
      Duration uptime = Duration.ofNanos(System.nanoTime() - watched.upSinceNanos);
      watched.crashesInARow = backoff.ranLongEnough(uptime) ? 1 : watched.crashesInARow + 1;
      retryLater(watched, watched.child.name() + " " + how + " after " + seconds(uptime.toNanos()) + " up");
    }
  }

  // Called holding the child's monitor.
  private void retryLater(Watched watched, String why) {
    Duration delay = backoff.delay(watched.crashesInARow);
    out.println("[stack] " + why + "; restarting in " + seconds(delay.toNanos())
        + " (crash " + watched.crashesInARow + " in a row)");
    try {
      scheduler.schedule(() -> restartAfterCrash(watched), delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // the supervisor closed meanwhile: the stack is stopping
    }
  }

  private void restartAfterCrash(Watched watched) {
    synchronized (watched) {
      if (stopping) {
        return;
      }
      long started = System.nanoTime();
      watched.generation++;
      try {
        // whatever a failed earlier attempt left half started must not hold the ports
        watched.child.stop();
        watched.child.restart();
      } catch (Exception e) {
        if (stopping) {
          return;
        }
        watched.crashesInARow++;
        retryLater(watched, watched.child.name() + " did not start again: " + describe(e));
        return;
      }
      watched.upSinceNanos = System.nanoTime();
      out.println("[stack] restarted " + watched.child.name() + " (pid " + watched.child.handle().pid() + ") in "
          + seconds(System.nanoTime() - started));
      listen(watched);
    }
  }

  private static String describe(Exception e) {
    return e.getMessage() != null ? e.getMessage() : e.toString();
  }

  private static String seconds(long nanos) {
    return String.format("%.1f s", nanos / 1e9);
  }

  /** Stops restarting anything: the stack is stopping and will stop the children itself. */
  @Override
  public void close() {
    stopping = true;
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
