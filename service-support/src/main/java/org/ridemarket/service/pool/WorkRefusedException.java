package org.ridemarket.service.pool;

/**
 * The decision pool did not run a task: its queue was full, or the task's deadline had passed before
 * a worker was free. The caller answers degraded or fails fast; it never waits.
 */
public class WorkRefusedException extends RuntimeException {

  public WorkRefusedException(String message) {
    super(message, null, false, false);
  }
}
