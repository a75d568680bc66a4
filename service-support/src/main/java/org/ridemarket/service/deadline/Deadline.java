package org.ridemarket.service.deadline;

import io.netty.util.Timeout;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * When a request must be answered by. Each dependency call gets what is left of it, so that no
 * caller waits past its budget whatever is slow or paused.
 */
public final class Deadline {

  private static final Duration MIN_WAIT = Duration.ofMillis(1);
  private static final Cancellable SETTLED = () -> { };

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
   * deadline, whichever comes first (up to a {@link DeadlineTimer} tick later); an expired deadline fails it
   * without subscribing to it. The expiry is signalled on the subscriber's Vert.x context, or on Mutiny's
   * worker pool off one, and cancels {@code call}; whatever {@code call} signals after it is dropped.
   */
  public <T> Uni<T> bound(Uni<T> call, Duration timeout, Supplier<? extends Throwable> onExpiry) {
    Duration wait = cap(timeout);
    // Under a millisecond left is none: the call could not answer in time anyway.
    if (wait.compareTo(MIN_WAIT) < 0) {
      return Uni.createFrom().failure(onExpiry.get());
    }
    return Uni.createFrom().emitter(emitter -> {
      // The call's subscription, until whichever of answer, expiry and cancellation comes first settles it.
      AtomicReference<Cancellable> upstream = new AtomicReference<>();
      Timeout expiry = DeadlineTimer.schedule(wait, () -> {
        // The call is cancelled before its caller hears of the expiry, as Mutiny's own timeout does.
        settle(upstream);
        emitter.fail(onExpiry.get());
      });
      emitter.onTermination(() -> {
        expiry.cancel();
        settle(upstream);
      });
      Cancellable subscription = call.subscribe().with(emitter::complete, emitter::fail);
      if (!upstream.compareAndSet(null, subscription)) {
        subscription.cancel();
      }
    });
  }

  /** {@code call} bounded by the deadline alone. */
  public <T> Uni<T> bound(Uni<T> call, Supplier<? extends Throwable> onExpiry) {
    return bound(call, budget, onExpiry);
  }

  private static void settle(AtomicReference<Cancellable> upstream) {
    Cancellable running = upstream.getAndSet(SETTLED);
    if (running != null) {
      running.cancel();
    }
  }
}
