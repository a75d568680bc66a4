package org.ridemarket.topologies.velocity;

import static org.ridemarket.contracts.features.VelocityFeatures.AMOUNT_1H;
import static org.ridemarket.contracts.features.VelocityFeatures.AMOUNT_1M;
import static org.ridemarket.contracts.features.VelocityFeatures.AMOUNT_24H;
import static org.ridemarket.contracts.features.VelocityFeatures.AMOUNT_30D;
import static org.ridemarket.contracts.features.VelocityFeatures.AMOUNT_7D;
import static org.ridemarket.contracts.features.VelocityFeatures.AVG_AMOUNT;
import static org.ridemarket.contracts.features.VelocityFeatures.COUNT_1H;
import static org.ridemarket.contracts.features.VelocityFeatures.COUNT_1M;
import static org.ridemarket.contracts.features.VelocityFeatures.COUNT_24H;
import static org.ridemarket.contracts.features.VelocityFeatures.COUNT_30D;
import static org.ridemarket.contracts.features.VelocityFeatures.COUNT_7D;
import static org.ridemarket.contracts.features.VelocityFeatures.DISTINCT_CARDS_24H;
import static org.ridemarket.contracts.features.VelocityFeatures.DISTINCT_DEVICES_24H;
import static org.ridemarket.contracts.features.VelocityFeatures.FRAUD_1D;
import static org.ridemarket.contracts.features.VelocityFeatures.FRAUD_30D;
import static org.ridemarket.contracts.features.VelocityFeatures.FRAUD_7D;
import static org.ridemarket.contracts.features.VelocityFeatures.LAST_LAT;
import static org.ridemarket.contracts.features.VelocityFeatures.LAST_LON;
import static org.ridemarket.contracts.features.VelocityFeatures.LAST_PAYMENT_TIME;
import static org.ridemarket.contracts.features.VelocityFeatures.PAYMENTS_SEEN;
import static org.ridemarket.contracts.features.VelocityFeatures.PREV_LAT;
import static org.ridemarket.contracts.features.VelocityFeatures.PREV_LON;
import static org.ridemarket.contracts.features.VelocityFeatures.PREV_PAYMENT_TIME;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.ridemarket.contracts.features.VelocityFeatures;
import org.ridemarket.topologies.common.BinaryFormats;

/**
 * One card's, user's, device's or merchant's running state: counts and amounts in five bucket tiers, FRAUD
 * labels in three more (counted at the label's arrival), the cards and devices it paid with over the last
 * day, its latest payment and the one before (by event time), its running count and sum, and the event time
 * of its last vector.
 *
 * <p>The tiers are sized per window: 10-second buckets for the minute (a window edge off by at most
 * a sixth of it, which a card-testing burst of seconds still fills), 1-minute buckets for the hour,
 * 15-minute buckets for the day, 1-hour buckets for the week and 6-hour buckets for the month (each off by
 * under 2 %); labels in 1-hour, 6-hour and 1-day buckets (a label's hour of arrival matters little). A busy
 * entity holds at most 6 + 60 + 96 + 168 + 120 payment buckets, 24 + 28 + 30 label buckets and 2 x 64 ids,
 * about 11 KB; a typical card a handful of each. Nothing grows with the number of payments.
 */
final class EntityState {

  static final long NEVER = Long.MIN_VALUE;

  private static final long DAY_MILLIS = VelocityFeatures.ONE_DAY.toMillis();
  /** Format 2 adds the long and label tiers; a format-1 state (from before them) is read with those empty. */
  private static final byte FORMAT = 2;
  private static final byte FORMAT_1 = 1;

  private static final long MINUTE_BUCKET_MILLIS = 10_000;
  private static final int MINUTE_BUCKETS = 6;
  private static final long HOUR_BUCKET_MILLIS = 60_000;
  private static final int HOUR_BUCKETS = 60;
  private static final long DAY_BUCKET_MILLIS = 15 * 60_000;
  private static final int DAY_BUCKETS = 96;
  private static final long WEEK_BUCKET_MILLIS = 3_600_000;
  private static final int WEEK_BUCKETS = 168;
  private static final long MONTH_BUCKET_MILLIS = 6 * 3_600_000;
  private static final int MONTH_BUCKETS = 120;
  private static final long LABEL_DAY_BUCKET_MILLIS = 3_600_000;
  private static final int LABEL_DAY_BUCKETS = 24;
  private static final long LABEL_WEEK_BUCKET_MILLIS = 6 * 3_600_000;
  private static final int LABEL_WEEK_BUCKETS = 28;
  private static final long LABEL_MONTH_BUCKET_MILLIS = 24 * 3_600_000;
  private static final int LABEL_MONTH_BUCKETS = 30;

  private final TimeBuckets minute;
  private final TimeBuckets hour;
  private final TimeBuckets day;
  private final RecentIds cards;
  private final RecentIds devices;
  private TimeBuckets week = new TimeBuckets(WEEK_BUCKET_MILLIS, WEEK_BUCKETS);
  private TimeBuckets month = new TimeBuckets(MONTH_BUCKET_MILLIS, MONTH_BUCKETS);
  private TimeBuckets labelDay = new TimeBuckets(LABEL_DAY_BUCKET_MILLIS, LABEL_DAY_BUCKETS);
  private TimeBuckets labelWeek = new TimeBuckets(LABEL_WEEK_BUCKET_MILLIS, LABEL_WEEK_BUCKETS);
  private TimeBuckets labelMonth = new TimeBuckets(LABEL_MONTH_BUCKET_MILLIS, LABEL_MONTH_BUCKETS);
  private PaymentPlace latest;
  private PaymentPlace previous;
  private long paymentsSeen;
  private long amountSum;
  private long vectorTime = NEVER;
  private long latestLabelTime = NEVER;

  EntityState() {
    this(minuteTier(), hourTier(), dayTier(), new RecentIds(), new RecentIds());
  }

  /**
   * The tiers of this code, as a model's signature records them ({@link VelocitySettings#signatureSettings()}):
   * each window with its bucket ({@code PT1M/PT10S}: a minute of 10-second buckets), the label windows likewise,
   * and the cap on the distinct cards and devices counted.
   */
  static Map<String, String> shape() {
    Map<String, String> shape = new TreeMap<>();
    shape.put("velocity.windows", String.join(",", tier(MINUTE_BUCKET_MILLIS, MINUTE_BUCKETS),
        tier(HOUR_BUCKET_MILLIS, HOUR_BUCKETS), tier(DAY_BUCKET_MILLIS, DAY_BUCKETS),
        tier(WEEK_BUCKET_MILLIS, WEEK_BUCKETS), tier(MONTH_BUCKET_MILLIS, MONTH_BUCKETS)));
    shape.put("velocity.label-windows", String.join(",", tier(LABEL_DAY_BUCKET_MILLIS, LABEL_DAY_BUCKETS),
        tier(LABEL_WEEK_BUCKET_MILLIS, LABEL_WEEK_BUCKETS), tier(LABEL_MONTH_BUCKET_MILLIS, LABEL_MONTH_BUCKETS)));
    shape.put("velocity.distinct-ids-cap", Integer.toString(RecentIds.CAP));
    return shape;
  }

  private static String tier(long bucketMillis, int buckets) {
    return Duration.ofMillis(bucketMillis * buckets) + "/" + Duration.ofMillis(bucketMillis);
  }

  private EntityState(TimeBuckets minute, TimeBuckets hour, TimeBuckets day, RecentIds cards, RecentIds devices) {
    this.minute = minute;
    this.hour = hour;
    this.day = day;
    this.cards = cards;
    this.devices = devices;
  }

  /**
   * Counts a payment, or a FRAUD label naming the entity, at {@code eventTime}; returns the event time of the
   * vector that follows ({@link #record(EntityPayment, long)}).
   */
  long apply(EntityPayment payment, long eventTime) {
    return payment.fraudLabel() ? recordLabel(eventTime) : record(payment, eventTime);
  }

  /**
   * Counts a FRAUD label that arrived at {@code eventTime}: from then on, and only then, the entity's label
   * windows hold it, so no vector before its arrival (and no payment scored before it) can see it.
   */
  long recordLabel(long eventTime) {
    vectorTime = nextVectorTime(eventTime);
    labelDay.add(eventTime, 0);
    labelWeek.add(eventTime, 0);
    labelMonth.add(eventTime, 0);
    latestLabelTime = Math.max(latestLabelTime, eventTime);
    return vectorTime;
  }

  private long nextVectorTime(long eventTime) {
    return vectorTime == NEVER ? eventTime : Math.max(eventTime, vectorTime + 1);
  }

  /**
   * Counts a payment at {@code eventTime} and returns the event time of the vector that follows: the
   * payment's, or 1 ms after the previous vector when a later payment came first, so the vectors of
   * an entity strictly increase in event time and a forward-only sink applies every one of them.
   */
  long record(EntityPayment payment, long eventTime) {
    vectorTime = nextVectorTime(eventTime);
    minute.add(eventTime, payment.amountMinor());
    hour.add(eventTime, payment.amountMinor());
    day.add(eventTime, payment.amountMinor());
    week.add(eventTime, payment.amountMinor());
    month.add(eventTime, payment.amountMinor());
    cards.forgetUntil(vectorTime - DAY_MILLIS);
    devices.forgetUntil(vectorTime - DAY_MILLIS);
    cards.add(payment.cardId(), eventTime);
    devices.add(payment.deviceId(), eventTime);
    PaymentPlace place = new PaymentPlace(eventTime, payment.lat(), payment.lon());
    if (latest == null || eventTime >= latest.time()) {
      previous = latest;
      latest = place;
    } else if (previous == null || eventTime >= previous.time()) {
      // a late payment between the two latest: it becomes the one before the latest
      previous = place;
    }
    paymentsSeen++;
    amountSum += payment.amountMinor();
    return vectorTime;
  }

  /** The values as of the last vector's event time, in {@link VelocityFeatures#ENTITY_VALUES} order. */
  double[] values() {
    double[] values = new double[VelocityFeatures.ENTITY_VALUES.size()];
    long at = vectorTime;
    put(values, COUNT_1M, minute.count(at));
    put(values, AMOUNT_1M, minute.amount(at));
    put(values, COUNT_1H, hour.count(at));
    put(values, AMOUNT_1H, hour.amount(at));
    put(values, COUNT_24H, day.count(at));
    put(values, AMOUNT_24H, day.amount(at));
    put(values, DISTINCT_CARDS_24H, cards.countAfter(at - DAY_MILLIS));
    put(values, DISTINCT_DEVICES_24H, devices.countAfter(at - DAY_MILLIS));
    putPlace(values, latest, LAST_PAYMENT_TIME, LAST_LAT, LAST_LON);
    putPlace(values, previous, PREV_PAYMENT_TIME, PREV_LAT, PREV_LON);
    put(values, PAYMENTS_SEEN, paymentsSeen);
    put(values, AVG_AMOUNT, paymentsSeen == 0 ? Double.NaN : (double) amountSum / paymentsSeen);
    put(values, COUNT_7D, week.count(at));
    put(values, AMOUNT_7D, week.amount(at));
    put(values, COUNT_30D, month.count(at));
    put(values, AMOUNT_30D, month.amount(at));
    put(values, FRAUD_1D, labelDay.count(at));
    put(values, FRAUD_7D, labelWeek.count(at));
    put(values, FRAUD_30D, labelMonth.count(at));
    return values;
  }

  /** Event time of the entity's latest payment or label, or {@link #NEVER}: what the idle sweep goes by. */
  long latestActivityTime() {
    return Math.max(latest == null ? NEVER : latest.time(), latestLabelTime);
  }

  byte[] toBytes() {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
         DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      out.writeLong(vectorTime);
      out.writeLong(paymentsSeen);
      out.writeLong(amountSum);
      writePlace(out, latest);
      writePlace(out, previous);
      minute.write(out);
      hour.write(out);
      day.write(out);
      cards.write(out);
      devices.write(out);
      week.write(out);
      month.write(out);
      labelDay.write(out);
      labelWeek.write(out);
      labelMonth.write(out);
      out.writeLong(latestLabelTime);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode an entity state", e);
    }
  }

  static EntityState fromBytes(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      byte format = in.readByte();
      if (format != FORMAT_1) {
        BinaryFormats.requireFormat(format, FORMAT, "entity state");
      }
      long vectorTime = in.readLong();
      long paymentsSeen = in.readLong();
      long amountSum = in.readLong();
      PaymentPlace latest = readPlace(in);
      PaymentPlace previous = readPlace(in);
      EntityState state = new EntityState(
          TimeBuckets.read(in, MINUTE_BUCKET_MILLIS, MINUTE_BUCKETS),
          TimeBuckets.read(in, HOUR_BUCKET_MILLIS, HOUR_BUCKETS),
          TimeBuckets.read(in, DAY_BUCKET_MILLIS, DAY_BUCKETS),
          RecentIds.read(in), RecentIds.read(in));
      state.vectorTime = vectorTime;
      state.paymentsSeen = paymentsSeen;
      state.amountSum = amountSum;
      state.latest = latest;
      state.previous = previous;
      if (format != FORMAT_1) {
        state.week = TimeBuckets.read(in, WEEK_BUCKET_MILLIS, WEEK_BUCKETS);
        state.month = TimeBuckets.read(in, MONTH_BUCKET_MILLIS, MONTH_BUCKETS);
        state.labelDay = TimeBuckets.read(in, LABEL_DAY_BUCKET_MILLIS, LABEL_DAY_BUCKETS);
        state.labelWeek = TimeBuckets.read(in, LABEL_WEEK_BUCKET_MILLIS, LABEL_WEEK_BUCKETS);
        state.labelMonth = TimeBuckets.read(in, LABEL_MONTH_BUCKET_MILLIS, LABEL_MONTH_BUCKETS);
        state.latestLabelTime = in.readLong();
      }
      return state;
    } catch (IOException e) {
      throw new IllegalStateException("cannot decode an entity state", e);
    }
  }

  private static TimeBuckets minuteTier() {
    return new TimeBuckets(MINUTE_BUCKET_MILLIS, MINUTE_BUCKETS);
  }

  private static TimeBuckets hourTier() {
    return new TimeBuckets(HOUR_BUCKET_MILLIS, HOUR_BUCKETS);
  }

  private static TimeBuckets dayTier() {
    return new TimeBuckets(DAY_BUCKET_MILLIS, DAY_BUCKETS);
  }

  private static void writePlace(DataOutput out, PaymentPlace place) throws IOException {
    out.writeBoolean(place != null);
    if (place != null) {
      out.writeLong(place.time());
      out.writeDouble(place.lat());
      out.writeDouble(place.lon());
    }
  }

  private static PaymentPlace readPlace(DataInput in) throws IOException {
    return in.readBoolean() ? new PaymentPlace(in.readLong(), in.readDouble(), in.readDouble()) : null;
  }

  private static void putPlace(double[] values, PaymentPlace place, String time, String lat, String lon) {
    put(values, time, place == null ? Double.NaN : place.time());
    put(values, lat, place == null ? Double.NaN : place.lat());
    put(values, lon, place == null ? Double.NaN : place.lon());
  }

  private static void put(double[] values, String name, double value) {
    values[VelocityFeatures.indexOf(name)] = value;
  }
}
