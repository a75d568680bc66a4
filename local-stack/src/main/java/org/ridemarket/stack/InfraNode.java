package org.ridemarket.stack;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** One infrastructure server of the stack, started until healthy and stopped on close. */
interface InfraNode extends AutoCloseable {

  /** A short name for logs, pid files and error messages: kafka, redis, postgres. */
  String name();

  /** Starts the server and returns once it answers its health check, or throws by the deadline. */
  void start(Instant deadline) throws Exception;

  /** The server's process now. */
  ProcessHandle handle();

  /** Completes when the server's process now exits, with how it ended, e.g. "exited with code 137". */
  default CompletableFuture<String> exited() {
    return handle().onExit().thenApply(process -> "exited");
  }

  /**
   * Starts the server again after it exited or was closed, on the data it had (nothing is wiped);
   * returns once it answers its health check, or throws by the deadline.
   */
  void restart(Instant deadline) throws Exception;

  /** Stops the server's process for a restart, keeping its data; by default what {@link #close()} does. */
  default void stop() {
    close();
  }

  /** Stops the server if it runs; safe to call more than once and on a node that never started. */
  @Override
  void close();
}
