package org.ridemarket.loadtest.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Pauses processes with SIGSTOP and resumes them with SIGCONT. Whatever happens to the run (an
 * exception, Ctrl-C, a kill other than -9), every process it stopped is continued: a stack left with
 * a frozen PostgreSQL would look like a bug of the services to the next person.
 */
public final class Pauser implements AutoCloseable {

  private final Set<Long> stopped = new LinkedHashSet<>();
  private final Thread hook = new Thread(this::continueAll, "continue-paused-processes");

  /** A pauser whose shutdown hook continues whatever it stopped. */
  public Pauser() {
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Sends SIGSTOP to {@code pids}. */
  public synchronized void stop(List<Long> pids) {
    stopped.addAll(pids);
    signal("STOP", pids);
  }

  /** Sends SIGCONT to {@code pids}. */
  public synchronized void resume(List<Long> pids) {
    signal("CONT", pids);
    stopped.removeAll(pids);
  }

  /** Continues every process still stopped. */
  public synchronized void continueAll() {
    if (!stopped.isEmpty()) {
      signal("CONT", new ArrayList<>(stopped));
      stopped.clear();
    }
  }

  @Override
  public void close() {
    continueAll();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook runs anyway.
    }
  }

  // Java can only send SIGTERM/SIGKILL to a process; kill(1) sends the rest.
  private static void signal(String signal, List<Long> pids) {
    List<String> command = new ArrayList<>(List.of("kill", "-s", signal));
    pids.forEach(pid -> command.add(Long.toString(pid)));
    try {
      int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
      if (exit != 0) {
        System.err.println("warning: " + String.join(" ", command) + " exited with " + exit);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sending SIG" + signal, e);
    }
  }
}
