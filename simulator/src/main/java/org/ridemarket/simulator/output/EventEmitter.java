package org.ridemarket.simulator.output;

import java.util.List;
import org.ridemarket.contracts.events.DriverLocationUpdated;
import org.ridemarket.contracts.events.FraudLabeled;
import org.ridemarket.contracts.events.PaymentAttempted;
import org.ridemarket.contracts.events.RideRequested;
import org.ridemarket.contracts.events.TripEvent;
import org.ridemarket.contracts.topics.Topic;
import org.ridemarket.contracts.topics.Topics;

/**
 * The one place where events become bytes: each event is serialized once through its topic's
 * serdes, keyed as its contract says ({@link Topics#keyOf}), counted, and handed to every sink.
 */
public final class EventEmitter {

  /** The topics the simulator writes, in the order of {@link #counts()}. */
  public static final List<Topic<String, ?>> TOPICS = List.of(
      Topics.RIDE_REQUESTS, Topics.DRIVER_LOCATIONS, Topics.TRIP_EVENTS, Topics.PAYMENTS, Topics.FRAUD_LABELS);

  private final List<EventSink> sinks;
  private final EventSink[] sinkArray;
  private final long[] counts = new long[TOPICS.size()];

  /** An emitter writing to these sinks, in this order. */
  public EventEmitter(List<EventSink> sinks) {
    this.sinks = List.copyOf(sinks);
    this.sinkArray = this.sinks.toArray(new EventSink[0]);
  }

  /** rides.requests, keyed by the pickup cell. */
  public void rideRequested(RideRequested event) {
    send(0, Topics.RIDE_REQUESTS, Topics.keyOf(event), event, event.getEventTime().toEpochMilli());
  }

  /** drivers.locations, keyed by driver id. */
  public void driverLocation(DriverLocationUpdated event) {
    send(1, Topics.DRIVER_LOCATIONS, Topics.keyOf(event), event, event.getEventTime().toEpochMilli());
  }

  /** trips.events, keyed by the pickup cell so a trip's steps stay in one partition. */
  public void trip(TripEvent event) {
    send(2, Topics.TRIP_EVENTS, Topics.keyOf(event), event, event.getEventTime().toEpochMilli());
  }

  /** payments.events, keyed by card fingerprint. */
  public void payment(PaymentAttempted event) {
    send(3, Topics.PAYMENTS, Topics.keyOf(event), event, event.getEventTime().toEpochMilli());
  }

  /** fraud.labels, keyed by transaction id. */
  public void fraudLabel(FraudLabeled event) {
    send(4, Topics.FRAUD_LABELS, Topics.keyOf(event), event, event.getEventTime().toEpochMilli());
  }

  /** Events emitted so far per topic, in the order of {@link #TOPICS}. */
  public long[] counts() {
    return counts.clone();
  }

  /** Events emitted so far, all topics. */
  public long total() {
    long total = 0;
    for (long count : counts) {
      total += count;
    }
    return total;
  }

  /** Flushes every sink. */
  public void flush() {
    sinks.forEach(EventSink::flush);
  }

  /** Closes every sink, even when one fails; the first failure is rethrown. */
  public void close() {
    RuntimeException first = null;
    for (EventSink sink : sinks) {
      try {
        sink.close();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private <V> void send(int index, Topic<String, V> topic, String key, V value, long eventTime) {
    byte[] keyBytes = topic.keySerde().serializer().serialize(topic.name(), key);
    byte[] valueBytes = topic.valueSerde().serializer().serialize(topic.name(), value);
    EncodedEvent encoded = new EncodedEvent(topic.name(), key, keyBytes, valueBytes, eventTime);
    for (EventSink sink : sinkArray) {
      sink.accept(encoded);
    }
    counts[index]++;
  }
}
