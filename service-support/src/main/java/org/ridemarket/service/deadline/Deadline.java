package org.ridemarket.service.deadline;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * When a request must be answered by. Each dependency call gets what is left of it, so that no
 * caller waits past its budget whatever is slow or paused.
 */
public final class Deadline {

  private static final Duration MIN_WAIT = Duration.ofMillis(1);

  private final long atNanos;
  private final Duration budget;

  private Deadline(long atNanos, Duration budget) {
    this.atNanos = atNanos;
    this.budget = budget;
  }

  /** A deadline {@code budget} from now. */
  public static Deadline after(Duration budget) {
    return new Deadline(System.nanoTime() + budget.toNanos(), budget);
  }

  /** The whole budget this deadline was made with. */
  public Duration budget() {
    return budget;
  }

  /** What is left, never negative. */
  public Duration remaining() {
    return Duration.ofNanos(Math.max(0, atNanos - System.nanoTime()));
  }

  /** Whether the deadline has passed. */
  public boolean expired() {
    return atNanos - System.nanoTime() <= 0;
  }

  /** The shorter of a dependency's own timeout and what is left. */
  public Duration cap(Duration timeout) {
    Duration left = remaining();
    return left.compareTo(timeout) < 0 ? left : timeout;
  }

  /**
   * {@code call}, failed with {@code onExpiry} if it has not answered within {@code timeout} or the
   * deadline, whichever comes first; an expired deadline fails it without subscribing to it.
   */
  public <T> Uni<T> bound(Uni<T> call, Duration timeout, Supplier<? extends Throwable> onExpiry) {
    Duration wait = cap(timeout);
    // Timers have millisecond resolution (Vert.x refuses shorter ones): under a millisecond left is none.
    if (wait.compareTo(MIN_WAIT) < 0) {
      return Uni.createFrom().failure(onExpiry.get());
    }
    return call.ifNoItem().after(wait).failWith(onExpiry);
  }

  /** {@code call} bounded by the deadline alone. */
  public <T> Uni<T> bound(Uni<T> call, Supplier<? extends Throwable> onExpiry) {
    return bound(call, budget, onExpiry);
  }
}
