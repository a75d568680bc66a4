package org.ridemarket.stack;

import java.util.concurrent.CompletableFuture;

/**
 * A child process the launcher keeps running, as Kubernetes keeps a container running: it says when
 * the process exits, starts it again on the same data and environment, and stops it on request.
 */
interface Supervised {

  /** The name in logs, pid files and {@code ./stack restart NAME}: kafka, redis, postgres, or an app's name. */
  String name();

  /** The process running now. */
  ProcessHandle handle();

  /** Completes when the process running now exits, with how it ended, e.g. "exited with code 137". */
  CompletableFuture<String> exited();

  /** Starts the process again after it exited (same data, same environment); returns once it is healthy. */
  void restart() throws Exception;

  /** Stops the process running now (SIGTERM, then SIGKILL after a grace period), for a restart on request. */
  void stop();
}
