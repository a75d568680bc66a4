package org.ridemarket.eta.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.ridemarket.contracts.events.TripEvent;
import org.ridemarket.contracts.events.TripEventType;

/**
 * Reads {@code trips.events} and hands completed trips' actual durations to the join. The instances
 * share one consumer group: pending predictions are in Redis, so each completion needs joining once,
 * by whichever instance receives it.
 */
@ApplicationScoped
public class TripCompletions {

  private final PredictionJoin join;

  TripCompletions(PredictionJoin join) {
    this.join = join;
  }

  /** One trip event; only completions with a positive duration matter. */
  @Incoming("trip-events")
  public Uni<Void> onTripEvent(TripEvent event) {
    // A record that did not deserialize arrives as null (fail-on-deserialization-failure=false): skipped.
    if (event == null || event.getType() != TripEventType.COMPLETED || event.getDurationSeconds() == null
        || !(event.getDurationSeconds() > 0)) {
      return Uni.createFrom().voidItem();
    }
    // A join Redis cannot make now is lost to the rolling accuracy only, never to the stream.
    return join.completed(event.getTripId(), event.getDurationSeconds()).replaceWithVoid()
        .onFailure().recoverWithNull();
  }
}
