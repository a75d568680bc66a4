package org.ridemarket.simulator.riders;

import java.util.List;

/**
 * A rider: a user id, one or two cards (by fingerprint), the device the app runs on, and the
 * highest surge multiplier the rider accepts before walking away.
 */
public record Rider(String id, List<String> cards, String device, double maxMultiplier) {

  private static final double PRIMARY_CARD_SHARE = 0.8;

  public Rider {
    cards = List.copyOf(cards);
  }

  /** The card paying a fare: usually the first, now and then the second. */
  public String cardFor(double uniform) {
    return cards.size() > 1 && uniform >= PRIMARY_CARD_SHARE ? cards.get(1) : cards.get(0);
  }
}
