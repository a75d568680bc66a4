package org.ridemarket.stack;

import java.time.Instant;

/** One infrastructure server of the stack, started until healthy and stopped on close. */
interface InfraNode extends AutoCloseable {

  /** A short name for logs, pid files and error messages: kafka, redis, postgres. */
  String name();

  /** Starts the server and returns once it answers its health check, or throws by the deadline. */
  void start(Instant deadline) throws Exception;

  /** Stops the server if it runs; safe to call more than once and on a node that never started. */
  @Override
  void close();
}
