package org.ridemarket.service.deadline;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Map;
import org.ridemarket.service.config.ServingConfig;

/** Starts each request's deadline from the budget configured for its decision. */
@ApplicationScoped
public class Deadlines {

  private final Map<String, Duration> budgets;
  private final Duration fallback;

  Deadlines(ServingConfig config) {
    this.budgets = Map.copyOf(config.deadlines());
    this.fallback = config.defaultDeadline();
  }

  /** A deadline for a new request of {@code decision} ({@code quote}, {@code eta}, {@code score}), from now. */
  public Deadline start(String decision) {
    return Deadline.after(budget(decision));
  }

  /** The budget of {@code decision}. */
  public Duration budget(String decision) {
    return budgets.getOrDefault(decision, fallback);
  }

  // The deadline timer is the process's, not a bean's (a Deadline is a value); it stops with the application.
  void stop(@Observes ShutdownEvent stopping) {
    DeadlineTimer.stop();
  }
}
