package org.ridemarket.contracts.features;

import static org.ridemarket.contracts.features.VelocityFeatures.AMOUNT_30D;
import static org.ridemarket.contracts.features.VelocityFeatures.AMOUNT_7D;
import static org.ridemarket.contracts.features.VelocityFeatures.AMOUNT_MINOR;
import static org.ridemarket.contracts.features.VelocityFeatures.AMOUNT_OVER_CARD_AVG;
import static org.ridemarket.contracts.features.VelocityFeatures.AVG_AMOUNT;
import static org.ridemarket.contracts.features.VelocityFeatures.COUNT_30D;
import static org.ridemarket.contracts.features.VelocityFeatures.COUNT_7D;
import static org.ridemarket.contracts.features.VelocityFeatures.DISTINCT_CARDS_24H;
import static org.ridemarket.contracts.features.VelocityFeatures.DISTINCT_DEVICES_24H;
import static org.ridemarket.contracts.features.VelocityFeatures.LAST_LAT;
import static org.ridemarket.contracts.features.VelocityFeatures.LAST_LON;
import static org.ridemarket.contracts.features.VelocityFeatures.LAST_PAYMENT_TIME;
import static org.ridemarket.contracts.features.VelocityFeatures.NAMES;
import static org.ridemarket.contracts.features.VelocityFeatures.ONE_DAY;
import static org.ridemarket.contracts.features.VelocityFeatures.MERCHANT_PREFIX;
import static org.ridemarket.contracts.features.VelocityFeatures.PAYMENTS_SEEN;
import static org.ridemarket.contracts.features.VelocityFeatures.SEVEN_DAYS;
import static org.ridemarket.contracts.features.VelocityFeatures.THIRTY_DAYS;

import java.time.Duration;
import org.ridemarket.contracts.events.PaymentAttempted;

/**
 * The scoring row of one payment, in {@link VelocityFeatures#NAMES} order, from the payment and the
 * vectors its card, user, device and merchant had before it: in the fraud service, the Redis hashes read
 * while the payment waits for its decision; in training, each entity's latest vector with an event
 * time before the payment's. Both get the same row, which is what keeps a model honest.
 *
 * <ul>
 *   <li>{@code <entity>_count_1m} ... {@code _amount_24h}: the entity's value, or 0 when its vector is
 *       at least a window older than the payment (everything it counted has left the window) or absent.
 *       In between, the value is the window as of the entity's latest payment; {@code _seconds_since_last}
 *       tells the model how old that is.
 *   <li>distinct cards/devices: likewise, over 24 hours.
 *   <li>{@code <entity>_seconds_since_last}: seconds from the entity's latest payment to this one (not
 *       below 0); {@code <entity>_speed_kmh_from_last}: {@link VelocityFeatures#travelSpeedKmh}. NaN for
 *       an entity without a vector: a tree model routes a missing value down its own branch.
 *   <li>{@code card_payments_seen}, {@value VelocityFeatures#AMOUNT_OVER_CARD_AVG}: the card's running
 *       count, and the payment's amount over its running average (NaN for a card without a vector).
 *   <li>{@value VelocityFeatures#AMOUNT_OVER_CARD_MEAN_7D}, {@value VelocityFeatures#AMOUNT_OVER_CARD_MEAN_30D}:
 *       the payment's amount over the card's mean of the window (NaN when the card paid nothing in it).
 * </ul>
 */
public final class VelocityScoring {

  private VelocityScoring() {
  }

  /**
   * The scoring row of {@code payment}; any entity's vector may be null (never seen, forgotten after 30 days
   * without payments or labels, or no merchant on the payment).
   */
  public static double[] values(PaymentAttempted payment, VelocitySnapshot card, VelocitySnapshot user,
      VelocitySnapshot device, VelocitySnapshot merchant) {
    double[] row = new double[NAMES.size()];
    long time = payment.getEventTime().toEpochMilli();
    put(row, AMOUNT_MINOR, payment.getAmountMinor());
    VelocitySnapshot[] entities = {card, user, device};
    for (int i = 0; i < entities.length; i++) {
      String prefix = VelocityFeatures.PREFIXES.get(i);
      VelocitySnapshot entity = entities[i];
      for (String windowed : VelocityFeatures.WINDOWED) {
        put(row, prefix + windowed, inWindow(entity, windowed, VelocityFeatures.windowOf(windowed), time));
      }
      double last = entity == null ? Double.NaN : entity.value(LAST_PAYMENT_TIME);
      put(row, prefix + "seconds_since_last", Math.max(0, time - last) / 1000.0);
      put(row, prefix + "speed_kmh_from_last", entity == null ? Double.NaN
          : VelocityFeatures.travelSpeedKmh(entity.value(LAST_LAT), entity.value(LAST_LON), (long) last,
              payment.getLocation().getLat(), payment.getLocation().getLon(), time));
    }
    put(row, "card_" + DISTINCT_DEVICES_24H, inWindow(card, DISTINCT_DEVICES_24H, ONE_DAY, time));
    put(row, "device_" + DISTINCT_CARDS_24H, inWindow(device, DISTINCT_CARDS_24H, ONE_DAY, time));
    put(row, "user_" + DISTINCT_CARDS_24H, inWindow(user, DISTINCT_CARDS_24H, ONE_DAY, time));
    put(row, "user_" + DISTINCT_DEVICES_24H, inWindow(user, DISTINCT_DEVICES_24H, ONE_DAY, time));
    put(row, "card_" + PAYMENTS_SEEN, card == null ? 0 : card.value(PAYMENTS_SEEN));
    put(row, AMOUNT_OVER_CARD_AVG, card == null || card.value(PAYMENTS_SEEN) == 0 ? Double.NaN
        : VelocityFeatures.amountOverAverage(payment.getAmountMinor(), card.value(AVG_AMOUNT)));
    for (String longWindowed : VelocityFeatures.LONG_WINDOWED) {
      Duration window = VelocityFeatures.windowOf(longWindowed);
      put(row, "card_" + longWindowed, inWindow(card, longWindowed, window, time));
      put(row, "user_" + longWindowed, inWindow(user, longWindowed, window, time));
    }
    for (String windowed : VelocityFeatures.WINDOWED) {
      put(row, MERCHANT_PREFIX + windowed, inWindow(merchant, windowed, VelocityFeatures.windowOf(windowed), time));
    }
    for (String longWindowed : VelocityFeatures.LONG_WINDOWED) {
      put(row, MERCHANT_PREFIX + longWindowed,
          inWindow(merchant, longWindowed, VelocityFeatures.windowOf(longWindowed), time));
    }
    putLabelFeedback(row, "card_", card, time);
    putLabelFeedback(row, MERCHANT_PREFIX, merchant, time);
    put(row, VelocityFeatures.AMOUNT_OVER_CARD_MEAN_7D, VelocityFeatures.amountOverWindowMean(payment.getAmountMinor(),
        inWindow(card, AMOUNT_7D, SEVEN_DAYS, time), inWindow(card, COUNT_7D, SEVEN_DAYS, time)));
    put(row, VelocityFeatures.AMOUNT_OVER_CARD_MEAN_30D, VelocityFeatures.amountOverWindowMean(
        payment.getAmountMinor(), inWindow(card, AMOUNT_30D, THIRTY_DAYS, time),
        inWindow(card, COUNT_30D, THIRTY_DAYS, time)));
    return row;
  }

  private static void putLabelFeedback(double[] row, String prefix, VelocitySnapshot entity, long time) {
    for (String fraudCount : VelocityFeatures.FRAUD_COUNTS) {
      Duration window = VelocityFeatures.windowOf(fraudCount);
      double frauds = inWindow(entity, fraudCount, window, time);
      String payments = VelocityFeatures.paymentCountOf(fraudCount);
      put(row, prefix + fraudCount, frauds);
      put(row, prefix + VelocityFeatures.shareOf(fraudCount),
          VelocityFeatures.fraudShare(frauds, inWindow(entity, payments, window, time)));
    }
  }

  private static double inWindow(VelocitySnapshot entity, String name, Duration window, long time) {
    if (entity == null || time - entity.eventTime() >= window.toMillis()) {
      return 0;
    }
    return entity.value(name);
  }

  private static void put(double[] row, String name, double value) {
    int index = NAMES.indexOf(name);
    if (index < 0) {
      throw new IllegalStateException("no velocity scoring feature named " + name);
    }
    row[index] = value;
  }
}
