package org.ridemarket.contracts.features;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The payment velocity features, a one-way door shared by the stream writer, the training job and
 * the fraud service: what the topology keeps per card, user and device, where it lives in Redis and
 * on the features topic, and the ordered features a model scores one payment with.
 *
 * <p>Per entity ({@link #ENTITY_VALUES}, the fields of the Avro {@link VelocityVector} and of the
 * Redis hash): payment counts and amounts over 1 minute, 1 hour and 24 hours, distinct cards and
 * devices over 24 hours, the time and place of the latest payment and of the one before it, and the
 * running average amount. Windows end at the vector's event time and count the payment the vector
 * was emitted for. Times are epoch millis; a value that does not exist (no previous payment) is NaN.
 *
 * <p>Keys: the features topic is keyed by {@code <entityType>:<entityId>} with the type in lower
 * case ({@code card:fp_0a1b}, {@code user:rider-1}, {@code device:dev-1}); Redis holds one hash per
 * entity at {@code features:vel:} + that key, one field per {@link #ENTITY_VALUES} name (decimal text,
 * as {@link Double#toString(double)} writes it, {@code NaN} included), plus {@value #EVENT_TIME_FIELD}
 * and {@value #UPDATED_AT_FIELD}. A write applies only if its event time is newer than the stored one.
 *
 * <p>Scoring ({@link #NAMES}, built by {@link VelocityScoring}): a service scoring a payment reads the
 * three hashes, which hold each entity's state as of its latest payment, and compares the payment with
 * them; a training job reproduces the same row from the vectors each entity had before the payment.
 */
public final class VelocityFeatures {

  public static final String COUNT_1M = "count_1m";
  public static final String AMOUNT_1M = "amount_1m";
  public static final String COUNT_1H = "count_1h";
  public static final String AMOUNT_1H = "amount_1h";
  public static final String COUNT_24H = "count_24h";
  public static final String AMOUNT_24H = "amount_24h";
  public static final String DISTINCT_CARDS_24H = "distinct_cards_24h";
  public static final String DISTINCT_DEVICES_24H = "distinct_devices_24h";
  public static final String LAST_PAYMENT_TIME = "last_payment_time";
  public static final String LAST_LAT = "last_lat";
  public static final String LAST_LON = "last_lon";
  public static final String PREV_PAYMENT_TIME = "prev_payment_time";
  public static final String PREV_LAT = "prev_lat";
  public static final String PREV_LON = "prev_lon";
  public static final String PAYMENTS_SEEN = "payments_seen";
  public static final String AVG_AMOUNT = "avg_amount";

  /** One entity's values in vector order; append only, never reorder or rename (the Avro schema follows it). */
  public static final List<String> ENTITY_VALUES = List.of(
      COUNT_1M, AMOUNT_1M, COUNT_1H, AMOUNT_1H, COUNT_24H, AMOUNT_24H, DISTINCT_CARDS_24H, DISTINCT_DEVICES_24H,
      LAST_PAYMENT_TIME, LAST_LAT, LAST_LON, PREV_PAYMENT_TIME, PREV_LAT, PREV_LON, PAYMENTS_SEEN, AVG_AMOUNT);

  /** The windowed values, each entity's first six scoring features. */
  public static final List<String> WINDOWED = List.of(COUNT_1M, AMOUNT_1M, COUNT_1H, AMOUNT_1H, COUNT_24H, AMOUNT_24H);

  public static final Duration ONE_MINUTE = Duration.ofMinutes(1);
  public static final Duration ONE_HOUR = Duration.ofHours(1);
  /** The longest window: an entity idle for longer has nothing left in any window. */
  public static final Duration ONE_DAY = Duration.ofHours(24);

  /** The payment's own amount in minor units. */
  public static final String AMOUNT_MINOR = "amount_minor";
  /** The payment's amount over the card's running average (at least 1 minor unit); NaN for an unknown card. */
  public static final String AMOUNT_OVER_CARD_AVG = "amount_over_card_avg";

  /** Entity prefixes of the scoring features, in scoring order. */
  public static final List<String> PREFIXES = List.of("card_", "user_", "device_");

  /** The features a model scores one payment with, in order; append only, never reorder or rename. */
  public static final List<String> NAMES = scoringNames();

  /** Prefix of the per-entity Redis hash. */
  public static final String REDIS_KEY_PREFIX = "features:vel:";
  /** Hash field with the vector's event time, epoch millis; writes only ever move it forward. */
  public static final String EVENT_TIME_FIELD = FeatureVectors.EVENT_TIME_FIELD;
  /** Hash field with the wall-clock time of the write, epoch millis. */
  public static final String UPDATED_AT_FIELD = FeatureVectors.UPDATED_AT_FIELD;

  private static final double EARTH_RADIUS_KM = 6371.0088;

  private VelocityFeatures() {
  }

  /** The features-topic key of an entity: {@code card:fp_0a1b}. */
  public static String recordKey(VelocityEntityType type, String entityId) {
    if (type == null || type == VelocityEntityType.UNKNOWN) {
      throw new IllegalArgumentException("an entity key needs a known entity type, not " + type);
    }
    return type.name().toLowerCase(Locale.ROOT) + ":" + entityId;
  }

  /** The Redis key of an entity's hash: {@code features:vel:card:fp_0a1b}. */
  public static String redisKey(VelocityEntityType type, String entityId) {
    return REDIS_KEY_PREFIX + recordKey(type, entityId);
  }

  /** Position of a per-entity value in {@link #ENTITY_VALUES}. */
  public static int indexOf(String entityValue) {
    int index = ENTITY_VALUES.indexOf(entityValue);
    if (index < 0) {
      throw new IllegalArgumentException("no velocity entity value named " + entityValue);
    }
    return index;
  }

  /** The window of a {@link #WINDOWED} value ({@code count_1h}: one hour). */
  public static Duration windowOf(String windowedValue) {
    if (windowedValue.endsWith("_1m")) {
      return ONE_MINUTE;
    }
    if (windowedValue.endsWith("_1h")) {
      return ONE_HOUR;
    }
    if (windowedValue.endsWith("_24h")) {
      return ONE_DAY;
    }
    throw new IllegalArgumentException(windowedValue + " is not a windowed velocity value");
  }

  /** Great-circle distance in kilometres between two WGS84 points (haversine). */
  public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a = Math.pow(Math.sin(dLat / 2), 2)
        + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(a)));
  }

  /**
   * The speed in km/h needed to travel between two payments (impossible travel): the distance over
   * the time between them, at least one second, so two far-apart payments in the same instant give a
   * very high but finite speed. NaN when either place is unknown.
   */
  public static double travelSpeedKmh(double lat1, double lon1, long time1, double lat2, double lon2, long time2) {
    double hours = Math.max(Math.abs(time2 - time1), 1_000L) / 3_600_000.0;
    return distanceKm(lat1, lon1, lat2, lon2) / hours;
  }

  /** {@value #AMOUNT_OVER_CARD_AVG}: an amount over a running average of at least 1 minor unit. */
  public static double amountOverAverage(long amountMinor, double averageMinor) {
    return amountMinor / Math.max(averageMinor, 1.0);
  }

  private static List<String> scoringNames() {
    List<String> names = new ArrayList<>();
    names.add(AMOUNT_MINOR);
    for (String prefix : PREFIXES) {
      WINDOWED.forEach(value -> names.add(prefix + value));
    }
    names.add("card_" + DISTINCT_DEVICES_24H);
    names.add("device_" + DISTINCT_CARDS_24H);
    names.add("user_" + DISTINCT_CARDS_24H);
    names.add("user_" + DISTINCT_DEVICES_24H);
    for (String prefix : PREFIXES) {
      names.add(prefix + "seconds_since_last");
      names.add(prefix + "speed_kmh_from_last");
    }
    names.add("card_" + PAYMENTS_SEEN);
    names.add(AMOUNT_OVER_CARD_AVG);
    return List.copyOf(names);
  }
}
