package org.ridemarket.service.deadline;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import org.ridemarket.service.pool.WorkRefusedException;
import org.ridemarket.service.redis.FeatureStoreException;
import org.ridemarket.service.sql.NotRecordedException;

/**
 * Keeps the refusals that lose a race with their own deadline out of the error log. When a step's deadline
 * fires at the moment its dependency fails (the pool refusing work whose deadline passed while it queued,
 * say), Mutiny has already answered the timeout and drops the failure, which Quarkus logs as an ERROR. Such a
 * failure was answered by design; any other dropped failure is still logged as an error.
 */
@Singleton
public class LateRefusals {

  private static final Logger LOG = Logger.getLogger(LateRefusals.class);

  void install(@Observes StartupEvent started) {
    // Replaces Quarkus' handler, which logs every dropped failure as an error; this one still does for the rest.
    Infrastructure.setDroppedExceptionHandler(failure -> {
      if (isLateRefusal(failure)) {
        LOG.debugf("a refusal arrived after its deadline had been answered: %s", failure.getMessage());
      } else {
        LOG.error("Mutiny had to drop the following exception", failure);
      }
    });
  }

  /** Whether a dropped failure is one of the serving core's refusals, which a deadline already answered. */
  static boolean isLateRefusal(Throwable failure) {
    return failure instanceof WorkRefusedException || failure instanceof NotRecordedException
        || failure instanceof FeatureStoreException;
  }
}
