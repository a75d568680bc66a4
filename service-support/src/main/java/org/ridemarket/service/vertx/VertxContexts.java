package org.ridemarket.service.vertx;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.Executor;

/**
 * Executors that bring a pipeline back to the caller's Vert.x context, where the rest of a request
 * (and Hibernate Reactive) must run after a Lettuce thread completed a read.
 */
public final class VertxContexts {

  private VertxContexts() {
  }

  /**
   * Runs tasks on the calling thread's Vert.x context; outside one (a plain unit test), runs them
   * where they are emitted.
   */
  public static Executor current() {
    return currentOr(Runnable::run);
  }

  /** Runs tasks on the calling thread's Vert.x context; outside one, on {@code elsewhere}. */
  public static Executor currentOr(Executor elsewhere) {
    Context context = Vertx.currentContext();
    if (context == null) {
      return elsewhere;
    }
    return task -> context.runOnContext(ignored -> task.run());
  }
}
