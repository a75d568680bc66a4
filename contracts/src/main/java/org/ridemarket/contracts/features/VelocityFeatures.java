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
  public static final String COUNT_7D = "count_7d";
  public static final String AMOUNT_7D = "amount_7d";
  public static final String COUNT_30D = "count_30d";
  public static final String AMOUNT_30D = "amount_30d";
  public static final String FRAUD_1D = "fraud_1d";
  public static final String FRAUD_7D = "fraud_7d";
  public static final String FRAUD_30D = "fraud_30d";

  /** One entity's values in vector order; append only, never reorder or rename (the Avro schema follows it). */
  public static final List<String> ENTITY_VALUES = List.of(
      COUNT_1M, AMOUNT_1M, COUNT_1H, AMOUNT_1H, COUNT_24H, AMOUNT_24H, DISTINCT_CARDS_24H, DISTINCT_DEVICES_24H,
      LAST_PAYMENT_TIME, LAST_LAT, LAST_LON, PREV_PAYMENT_TIME, PREV_LAT, PREV_LON, PAYMENTS_SEEN, AVG_AMOUNT,
      COUNT_7D, AMOUNT_7D, COUNT_30D, AMOUNT_30D, FRAUD_1D, FRAUD_7D, FRAUD_30D);

  /** The windowed values, each entity's first six scoring features. */
  public static final List<String> WINDOWED = List.of(COUNT_1M, AMOUNT_1M, COUNT_1H, AMOUNT_1H, COUNT_24H, AMOUNT_24H);

  /** The long windows (counts and amounts over 7 and 30 days). */
  public static final List<String> LONG_WINDOWED = List.of(COUNT_7D, AMOUNT_7D, COUNT_30D, AMOUNT_30D);

  /**
   * Label feedback: FRAUD labels naming the entity (card or merchant) over 1, 7 and 30 days, counted at the
   * label's arrival (its event time), never at the labelled payment's time.
   */
  public static final List<String> FRAUD_COUNTS = List.of(FRAUD_1D, FRAUD_7D, FRAUD_30D);

  public static final Duration ONE_MINUTE = Duration.ofMinutes(1);
  public static final Duration ONE_HOUR = Duration.ofHours(1);
  public static final Duration ONE_DAY = Duration.ofHours(24);
  public static final Duration SEVEN_DAYS = Duration.ofDays(7);
  /** The longest window: an entity idle for longer has nothing left in any window. */
  public static final Duration THIRTY_DAYS = Duration.ofDays(30);

  /** The payment's own amount in minor units. */
  public static final String AMOUNT_MINOR = "amount_minor";
  /** The payment's amount over the card's running average (at least 1 minor unit); NaN for an unknown card. */
  public static final String AMOUNT_OVER_CARD_AVG = "amount_over_card_avg";

  /**
   * The payment's amount over the card's mean amount of the last 7 days ({@code card_amount_7d / card_count_7d},
   * at least 1 minor unit); NaN when the card paid nothing in the window. Unlike {@value #AMOUNT_OVER_CARD_AVG},
   * a running average over the card's whole life, it compares with recent spending, as a compromised card's
   * inflated amounts do (the Fraud Detection Handbook's scenario 3).
   */
  public static final String AMOUNT_OVER_CARD_MEAN_7D = "amount_over_card_mean_7d";
  /** Likewise over 30 days. */
  public static final String AMOUNT_OVER_CARD_MEAN_30D = "amount_over_card_mean_30d";

  /** Entity prefixes of the scoring features, in scoring order. */
  public static final List<String> PREFIXES = List.of("card_", "user_", "device_");
  /** Prefix of the merchant's scoring features (a payment without a merchant reads as an unseen merchant). */
  public static final String MERCHANT_PREFIX = "merchant_";
  /** Entity prefixes of the label-feedback scoring features. */
  public static final List<String> FRAUD_PREFIXES = List.of("card_", MERCHANT_PREFIX);

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

  /** The window of a {@link #WINDOWED}, {@link #LONG_WINDOWED} or {@link #FRAUD_COUNTS} value ({@code count_1h}: one hour). */
  public static Duration windowOf(String windowedValue) {
    if (windowedValue.endsWith("_1m")) {
      return ONE_MINUTE;
    }
    if (windowedValue.endsWith("_1h")) {
      return ONE_HOUR;
    }
    if (windowedValue.endsWith("_24h") || windowedValue.endsWith("_1d")) {
      return ONE_DAY;
    }
    if (windowedValue.endsWith("_7d")) {
      return SEVEN_DAYS;
    }
    if (windowedValue.endsWith("_30d")) {
      return THIRTY_DAYS;
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

  /** The payment count of the window a {@link #FRAUD_COUNTS} value shares: {@code fraud_1d} with {@code count_24h}. */
  public static String paymentCountOf(String fraudCount) {
    return switch (fraudCount) {
      case FRAUD_1D -> COUNT_24H;
      case FRAUD_7D -> COUNT_7D;
      case FRAUD_30D -> COUNT_30D;
      default -> throw new IllegalArgumentException(fraudCount + " is not a label-feedback value");
    };
  }

  /** The scoring name of a fraud count's share: {@code fraud_7d} gives {@code fraud_share_7d}. */
  public static String shareOf(String fraudCount) {
    return fraudCount.replace("fraud_", "fraud_share_");
  }

  /**
   * Known fraud over payments of one window, at most 1: the labels that arrived in the window over the
   * entity's payments in it (at least one). Labels arrive days after their payment, so the two counts do not
   * cover the same payments; the share says how much of an entity's recent traffic turned out to be fraud.
   */
  public static double fraudShare(double frauds, double payments) {
    return Math.min(1.0, frauds / Math.max(1.0, payments));
  }

  /**
   * {@value #AMOUNT_OVER_CARD_MEAN_7D} and {@value #AMOUNT_OVER_CARD_MEAN_30D}: an amount over the mean of a
   * window's {@code payments} payments totalling {@code amountMinor} (mean at least 1 minor unit); NaN for an
   * empty window.
   */
  public static double amountOverWindowMean(long amountMinor, double windowAmountMinor, double payments) {
    return payments > 0 ? amountOverAverage(amountMinor, windowAmountMinor / payments) : Double.NaN;
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
    for (String prefix : List.of("card_", "user_")) {
      LONG_WINDOWED.forEach(value -> names.add(prefix + value));
    }
    WINDOWED.forEach(value -> names.add(MERCHANT_PREFIX + value));
    LONG_WINDOWED.forEach(value -> names.add(MERCHANT_PREFIX + value));
    for (String prefix : FRAUD_PREFIXES) {
      FRAUD_COUNTS.forEach(value -> names.add(prefix + value));
      FRAUD_COUNTS.forEach(value -> names.add(prefix + shareOf(value)));
    }
    names.add(AMOUNT_OVER_CARD_MEAN_7D);
    names.add(AMOUNT_OVER_CARD_MEAN_30D);
    return List.copyOf(names);
  }
}
