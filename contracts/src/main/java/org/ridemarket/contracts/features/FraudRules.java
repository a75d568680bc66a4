package org.ridemarket.contracts.features;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Hard fraud rules on the velocity scoring row ({@link VelocityFeatures#NAMES} order), defined once for
 * the training job, which measures them as the baseline a model must beat, and the fraud service, which
 * applies them to the row it scores: a rule that fires forces at least a review whatever the model says.
 * Each reads only the contract's features; a missing value (NaN) never makes a rule fire.
 */
public enum FraudRules {

  /** The card's third small payment within a minute: someone checking whether a card works. */
  CARD_TESTING_BURST,
  /** The card paid elsewhere so recently that getting here took more than 900 km/h. */
  IMPOSSIBLE_TRAVEL,
  /** The device has carried three or more other cards within a day. */
  DEVICE_MANY_CARDS,
  /** A large payment from a card with three or more payments within the hour. */
  LARGE_PAYMENT_BURST;

  /** A payment of at most this many minor units counts as small (card testing). */
  public static final double SMALL_AMOUNT_MINOR = 500;
  /** Earlier payments of the card within the minute that make a small payment card testing. */
  public static final double CARD_TESTING_MIN_COUNT_1M = 2;
  /** Travel speed from the card's previous payment above which the travel is impossible. */
  public static final double IMPOSSIBLE_KMH = 900;
  /** Distinct cards on the device within 24 hours from which the device is suspicious. */
  public static final double DEVICE_MIN_CARDS_24H = 3;
  /** A payment of at least this many minor units counts as large. */
  public static final double LARGE_AMOUNT_MINOR = 4_000;
  /** Earlier payments of the card within the hour that make a large payment a burst. */
  public static final double LARGE_BURST_MIN_COUNT_1H = 3;

  private static final int AMOUNT = index(VelocityFeatures.AMOUNT_MINOR);
  private static final int CARD_COUNT_1M = index("card_" + VelocityFeatures.COUNT_1M);
  private static final int CARD_COUNT_1H = index("card_" + VelocityFeatures.COUNT_1H);
  private static final int CARD_SPEED = index("card_speed_kmh_from_last");
  private static final int DEVICE_CARDS = index("device_" + VelocityFeatures.DISTINCT_CARDS_24H);

  /** Whether this rule fires on {@code row} (contract order; NaN compares false, so a missing value never fires). */
  public boolean firesOn(float[] row) {
    return switch (this) {
      case CARD_TESTING_BURST -> row[CARD_COUNT_1M] >= CARD_TESTING_MIN_COUNT_1M && row[AMOUNT] <= SMALL_AMOUNT_MINOR;
      case IMPOSSIBLE_TRAVEL -> row[CARD_SPEED] > IMPOSSIBLE_KMH;
      case DEVICE_MANY_CARDS -> row[DEVICE_CARDS] >= DEVICE_MIN_CARDS_24H;
      case LARGE_PAYMENT_BURST -> row[CARD_COUNT_1H] >= LARGE_BURST_MIN_COUNT_1H && row[AMOUNT] >= LARGE_AMOUNT_MINOR;
    };
  }

  /**
   * The numbers that made this rule fire on {@code row}, for a reason code a person reads, e.g.
   * {@code card_count_1m=3 within 1 minute (>= 2), amount_minor=300 (<= 500)}.
   */
  public String detail(float[] row) {
    return switch (this) {
      case CARD_TESTING_BURST -> "card_count_1m=" + number(row[CARD_COUNT_1M]) + " within 1 minute (>= "
          + number(CARD_TESTING_MIN_COUNT_1M) + "), amount_minor=" + number(row[AMOUNT]) + " (<= "
          + number(SMALL_AMOUNT_MINOR) + ")";
      case IMPOSSIBLE_TRAVEL -> "card_speed_kmh_from_last=" + number(row[CARD_SPEED]) + " (> " + number(IMPOSSIBLE_KMH)
          + " km/h)";
      case DEVICE_MANY_CARDS -> "device_distinct_cards_24h=" + number(row[DEVICE_CARDS]) + " (>= "
          + number(DEVICE_MIN_CARDS_24H) + ")";
      case LARGE_PAYMENT_BURST -> "card_count_1h=" + number(row[CARD_COUNT_1H]) + " within 1 hour (>= "
          + number(LARGE_BURST_MIN_COUNT_1H) + "), amount_minor=" + number(row[AMOUNT]) + " (>= "
          + number(LARGE_AMOUNT_MINOR) + ")";
    };
  }

  /** The rules that fire on {@code row}. */
  public static Set<FraudRules> firing(float[] row) {
    Set<FraudRules> firing = EnumSet.noneOf(FraudRules.class);
    for (FraudRules rule : values()) {
      if (rule.firesOn(row)) {
        firing.add(rule);
      }
    }
    return firing;
  }

  /** Whether any rule fires on {@code row}. */
  public static boolean anyFiresOn(float[] row) {
    return !firing(row).isEmpty();
  }

  // Whole numbers without a decimal point, others with one decimal: the reason codes are read by people.
  private static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return String.format(Locale.ROOT, "%.1f", value);
  }

  private static int index(String name) {
    int index = VelocityFeatures.NAMES.indexOf(name);
    if (index < 0) {
      throw new IllegalStateException("no velocity scoring feature named " + name);
    }
    return index;
  }
}
