package org.ridemarket.models.fraud;

import java.util.EnumSet;
import java.util.Set;
import org.ridemarket.contracts.features.VelocityFeatures;

/**
 * Hard rules on the velocity scoring row, the baseline a model must beat and what forces a review whatever
 * the model says: each reads only the contract's features, so the fraud service can apply them to the row
 * it scores.
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

  static final double SMALL_AMOUNT_MINOR = 500;
  static final double IMPOSSIBLE_KMH = 900;

  private static final int AMOUNT = index(VelocityFeatures.AMOUNT_MINOR);
  private static final int CARD_COUNT_1M = index("card_" + VelocityFeatures.COUNT_1M);
  private static final int CARD_COUNT_1H = index("card_" + VelocityFeatures.COUNT_1H);
  private static final int CARD_SPEED = index("card_speed_kmh_from_last");
  private static final int DEVICE_CARDS = index("device_" + VelocityFeatures.DISTINCT_CARDS_24H);

  /** Whether this rule fires on {@code row} (contract order; NaN compares false, so a missing value never fires). */
  public boolean firesOn(float[] row) {
    return switch (this) {
      case CARD_TESTING_BURST -> row[CARD_COUNT_1M] >= 2 && row[AMOUNT] <= SMALL_AMOUNT_MINOR;
      case IMPOSSIBLE_TRAVEL -> row[CARD_SPEED] > IMPOSSIBLE_KMH;
      case DEVICE_MANY_CARDS -> row[DEVICE_CARDS] >= 3;
      case LARGE_PAYMENT_BURST -> row[CARD_COUNT_1H] >= 3 && row[AMOUNT] >= 4_000;
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

  private static int index(String name) {
    int index = VelocityFeatures.NAMES.indexOf(name);
    if (index < 0) {
      throw new IllegalStateException("no velocity scoring feature named " + name);
    }
    return index;
  }
}
