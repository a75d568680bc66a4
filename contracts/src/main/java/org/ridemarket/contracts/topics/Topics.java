package org.ridemarket.contracts.topics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.ridemarket.contracts.events.DeadLetter;
import org.ridemarket.contracts.events.DriverLocationUpdated;
import org.ridemarket.contracts.events.EtaPredicted;
import org.ridemarket.contracts.events.FraudDecided;
import org.ridemarket.contracts.events.FraudLabeled;
import org.ridemarket.contracts.events.PaymentAttempted;
import org.ridemarket.contracts.events.PriceQuoted;
import org.ridemarket.contracts.events.RideRequested;
import org.ridemarket.contracts.events.TripEvent;
import org.ridemarket.contracts.features.CongestionVector;
import org.ridemarket.contracts.features.SupplyDemandVector;
import org.ridemarket.contracts.features.VelocityVector;
import org.ridemarket.contracts.serde.AvroSerde;

/** The registry of every topic in the system; topic names and keys are one-way doors. */
public final class Topics {

  private static final int INPUT_PARTITIONS = 6;

  public static final Topic<String, RideRequested> RIDE_REQUESTS =
      input("rides.requests", RideRequested.class, "H3 res-8 cell of the pickup", Duration.ofDays(14));
  public static final Topic<String, DriverLocationUpdated> DRIVER_LOCATIONS =
      input("drivers.locations", DriverLocationUpdated.class, "driver id", Duration.ofDays(3));
  public static final Topic<String, TripEvent> TRIP_EVENTS =
      input("trips.events", TripEvent.class, "H3 res-8 cell of the pickup", Duration.ofDays(14));
  public static final Topic<String, PaymentAttempted> PAYMENTS =
      input("payments.events", PaymentAttempted.class, "card fingerprint", Duration.ofDays(14));

  public static final Topic<String, PriceQuoted> PRICE_QUOTES =
      input("pricing.quotes", PriceQuoted.class, "H3 res-8 cell of the pickup", Duration.ofDays(14));
  public static final Topic<String, EtaPredicted> ETA_PREDICTIONS =
      input("eta.predictions", EtaPredicted.class, "H3 res-8 cell of the origin", Duration.ofDays(14));
  public static final Topic<String, FraudDecided> FRAUD_DECISIONS =
      input("fraud.decisions", FraudDecided.class, "transaction id", Duration.ofDays(90));
  // Chargebacks arrive weeks late and retraining needs all of them: keep labels for a year.
  public static final Topic<String, FraudLabeled> FRAUD_LABELS =
      input("fraud.labels", FraudLabeled.class, "transaction id", Duration.ofDays(365));

  public static final Topic<String, DeadLetter> DEAD_LETTERS =
      topic("features.dead-letters", DeadLetter.class, 1, "key of the rejected record", Duration.ofDays(30));
  // The ledger of dead letters replayed to their topics (./stack dead-letters): a letter in it is not replayed
  // again unless forced. It keeps an entry as long as the dead-letter topic keeps the letter.
  public static final Topic<String, DeadLetter> DEAD_LETTER_REPLAYS =
      topic("features.dead-letters.replayed", DeadLetter.class, 1, "eventId of the replayed dead letter",
          Duration.ofDays(30));

  // Compacted: the latest vector per cell is what Redis needs; cells silent for a week age out.
  public static final Topic<String, SupplyDemandVector> SUPPLY_DEMAND_FEATURES = compacted(
      "features.supply-demand", SupplyDemandVector.class, "H3 res-8 cell", Duration.ofDays(7));
  // Compacted: the latest vector per card, user and device is what Redis needs; entities without a
  // payment for a week age out (their windows were empty after a day).
  public static final Topic<String, VelocityVector> VELOCITY_FEATURES = compacted(
      "features.velocity", VelocityVector.class, "<entityType>:<id>: card:{fingerprint}, user:{id}, device:{id}",
      Duration.ofDays(7));
  // Compacted: the latest vector per cell is what Redis needs; cells without traffic for a week age out.
  public static final Topic<String, CongestionVector> CONGESTION_FEATURES = compacted(
      "features.congestion", CongestionVector.class, "H3 res-8 cell", Duration.ofDays(7));

  private static final List<Topic<?, ?>> ALL = List.of(
      RIDE_REQUESTS, DRIVER_LOCATIONS, TRIP_EVENTS, PAYMENTS,
      PRICE_QUOTES, ETA_PREDICTIONS, FRAUD_DECISIONS, FRAUD_LABELS,
      DEAD_LETTERS, DEAD_LETTER_REPLAYS, SUPPLY_DEMAND_FEATURES, VELOCITY_FEATURES, CONGESTION_FEATURES);

  private Topics() {
  }

  /** Every topic, in a stable order; the stack creates exactly these at start-up. */
  public static List<Topic<?, ?>> all() {
    return ALL;
  }

  /** The topic with this name. */
  public static Topic<?, ?> named(String name) {
    return ALL.stream().filter(topic -> topic.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no topic named " + name));
  }

  /**
   * The key the contract gives an event of an input topic or a label (each topic's {@code keyedBy}): what a
   * producer keys it by, and what a replay of archived events, which keep values only, keys them by again.
   */
  public static String keyOf(SpecificRecord event) {
    if (event instanceof RideRequested request) {
      return request.getPickupCell();
    } else if (event instanceof DriverLocationUpdated location) {
      return location.getDriverId();
    } else if (event instanceof TripEvent trip) {
      return trip.getPickupCell();
    } else if (event instanceof PaymentAttempted payment) {
      return payment.getCardFingerprint();
    } else if (event instanceof FraudLabeled label) {
      return label.getTransactionId();
    }
    throw new IllegalArgumentException("no key rule for " + event.getClass().getSimpleName()
        + ": only input events and labels are keyed here");
  }

  private static <V extends SpecificRecord> Topic<String, V> input(
      String name, Class<V> type, String keyedBy, Duration retention) {
    return topic(name, type, INPUT_PARTITIONS, keyedBy, retention);
  }

  private static <V extends SpecificRecord> Topic<String, V> compacted(
      String name, Class<V> type, String keyedBy, Duration retention) {
    return new Topic<>(name, Serdes.String(), new AvroSerde<>(type), type, INPUT_PARTITIONS, keyedBy, Map.of(
        "cleanup.policy", "compact,delete",
        "retention.ms", Long.toString(retention.toMillis()),
        "message.timestamp.type", "CreateTime"));
  }

  private static <V extends SpecificRecord> Topic<String, V> topic(
      String name, Class<V> type, int partitions, String keyedBy, Duration retention) {
    Serde<V> values = new AvroSerde<>(type);
    return new Topic<>(name, Serdes.String(), values, type, partitions, keyedBy, Map.of(
        "cleanup.policy", "delete",
        "retention.ms", Long.toString(retention.toMillis()),
        "message.timestamp.type", "CreateTime"));
  }
}
