package org.ridemarket.models.eta;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ridemarket.contracts.events.TripEvent;
import org.ridemarket.contracts.events.TripEventType;
import org.ridemarket.contracts.topics.Topic;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.routing.GeoPoint;
import org.ridemarket.simulator.output.EncodedEvent;
import org.ridemarket.simulator.output.EventSink;

/**
 * Turns a stream of recorded events into what the ETA rows are made of: the congestion vectors of the
 * replay ({@link CongestionReplay}) and every trip that completed, with its request and pick-up times.
 * An {@link EventSink}, so the simulator can write into it directly, and fed by a file reader alike.
 */
public final class EtaHistory implements EventSink {

  /** The topics an ETA replay reads: the congestion topology's input (trips also give the completed trips). */
  public static final List<Topic<String, ?>> TOPICS = List.of(Topics.TRIP_EVENTS, Topics.DRIVER_LOCATIONS);

  private record Started(long requestedAt, long pickedUpAt) {
  }

  private final CongestionReplay replay;
  private final Map<String, Started> open = new HashMap<>();
  private final List<CompletedTrip> completed = new ArrayList<>();
  private long firstEventTime = -1;
  private long lastEventTime = -1;
  private long events;
  private long incomplete;

  /** A history replayed through {@code replay}, which it closes. */
  public EtaHistory(CongestionReplay replay) {
    this.replay = replay;
  }

  @Override
  public void accept(EncodedEvent event) {
    long time = event.eventTimeMillis();
    if (firstEventTime < 0) {
      firstEventTime = time;
    }
    replay.accept(event);
    if (event.topic().equals(Topics.TRIP_EVENTS.name())) {
      trip(Topics.TRIP_EVENTS.valueSerde().deserializer().deserialize(event.topic(), event.value()));
    }
    lastEventTime = Math.max(lastEventTime, time);
    events++;
  }

  private void trip(TripEvent trip) {
    long time = trip.getEventTime().toEpochMilli();
    switch (trip.getType()) {
      case REQUESTED -> open.put(trip.getTripId(), new Started(time, -1));
      case PICKED_UP -> open.computeIfPresent(trip.getTripId(), (id, started) -> new Started(started.requestedAt(), time));
      case COMPLETED -> {
        Started started = open.remove(trip.getTripId());
        Double seconds = trip.getDurationSeconds();
        if (started == null || started.pickedUpAt() < 0 || seconds == null) {
          // requested before the history began: no request time to take the features at
          incomplete++;
          return;
        }
        completed.add(new CompletedTrip(trip.getTripId(), started.requestedAt(), started.pickedUpAt(), time,
            GeoPoint.of(trip.getPickup().getLat(), trip.getPickup().getLon()),
            GeoPoint.of(trip.getDropoff().getLat(), trip.getDropoff().getLon()), seconds));
      }
      case CANCELLED -> open.remove(trip.getTripId());
      default -> {
        // ACCEPTED and steps a newer writer added carry nothing the ETA needs
      }
    }
  }

  /** The completed trips, by request time (then trip id, so the order never depends on emission ties). */
  public List<CompletedTrip> completedTrips() {
    List<CompletedTrip> trips = new ArrayList<>(completed);
    trips.sort(Comparator.comparingLong(CompletedTrip::requestedAt).thenComparing(CompletedTrip::tripId));
    return trips;
  }

  /** The congestion vectors the replay emitted. */
  public CellVectorHistory vectors() {
    return replay.vectors();
  }

  /** Event time of the first event seen, epoch millis; -1 before any. */
  public long firstEventTime() {
    return firstEventTime;
  }

  /** Event time of the newest event seen, epoch millis; -1 before any. */
  public long lastEventTime() {
    return lastEventTime;
  }

  /** Events seen, of every topic. */
  public long events() {
    return events;
  }

  /** Completed trips left out because the history did not hold their request or pick-up. */
  public long incomplete() {
    return incomplete;
  }

  /** The replay the events went through. */
  public CongestionReplay replay() {
    return replay;
  }

  @Override
  public void close() {
    replay.close();
  }
}
