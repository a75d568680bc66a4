package org.ridemarket.eta.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.ridemarket.contracts.events.TripEvent;
import org.ridemarket.contracts.events.TripEventType;

/**
 * Reads {@code trips.events} and hands completed trips' actual durations to the join. The consumer
 * group is this instance's own (see application.properties): every instance must see every
 * completion, because each one only knows its own predictions.
 */
@ApplicationScoped
public class TripCompletions {

  private final PredictionJoin join;

  TripCompletions(PredictionJoin join) {
    this.join = join;
  }

  /** One trip event; only completions with a positive duration matter. */
  @Incoming("trip-events")
  public void onTripEvent(TripEvent event) {
    // A record that did not deserialize arrives as null (fail-on-deserialization-failure=false): skipped.
    if (event == null || event.getType() != TripEventType.COMPLETED || event.getDurationSeconds() == null
        || !(event.getDurationSeconds() > 0)) {
      return;
    }
    join.completed(event.getTripId(), event.getDurationSeconds());
  }
}
