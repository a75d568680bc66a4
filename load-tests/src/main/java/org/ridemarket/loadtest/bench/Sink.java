package org.ridemarket.loadtest.bench;

/**
 * Where the generator reports each request, on its one event-loop thread. Times are nanoseconds from
 * the load's start, the due time being the request's slot in the open schedule.
 */
public interface Sink {

  /** The request due at {@code dueNanos} left the generator at {@code sentNanos}. */
  void sent(long dueNanos, long sentNanos);

  /** An HTTP answer arrived at {@code endNanos}. */
  void answered(long dueNanos, long endNanos, int status, boolean retryAfter, boolean degraded);

  /** No HTTP answer: {@code kind} says why. */
  void failed(long dueNanos, long endNanos, String kind);
}
