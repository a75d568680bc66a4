package org.ridemarket.models.fraud;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Fraud Detection Handbook's card precision top-k ("Performance metrics", {@code card_precision_top_k}): an
 * investigator checks k cards a day, so per day each card gets its highest score and is fraudulent if any of its
 * payments that day is, the k best-scored cards are checked, and the day's precision is the share of them that
 * are compromised; cards detected on an earlier day of the test period are taken out of the later days (they are
 * blocked). The measure is the mean over the days.
 */
public final class CardPrecision {

  private static final long DAY_MILLIS = 86_400_000L;

  private CardPrecision() {
  }

  /** Mean daily card precision at {@code k} of {@code rows} scored {@code scores}, days in UTC. */
  public static double meanAtK(List<FraudRow> rows, float[] scores, int k) {
    Map<Long, Map<String, float[]>> days = new TreeMap<>();
    for (int i = 0; i < rows.size(); i++) {
      FraudRow row = rows.get(i);
      // per card and day: {highest score, 1 if any payment was fraud}
      float[] card = days.computeIfAbsent(Math.floorDiv(row.time(), DAY_MILLIS), day -> new HashMap<>())
          .computeIfAbsent(row.card(), id -> new float[] {Float.NEGATIVE_INFINITY, 0});
      card[0] = Math.max(card[0], scores[i]);
      card[1] = Math.max(card[1], row.fraud() ? 1 : 0);
    }
    Set<String> detected = new HashSet<>();
    double sum = 0;
    for (Map<String, float[]> day : days.values()) {
      List<Map.Entry<String, float[]>> cards = new ArrayList<>();
      for (Map.Entry<String, float[]> card : day.entrySet()) {
        if (!detected.contains(card.getKey())) {
          cards.add(card);
        }
      }
      cards.sort(Comparator.<Map.Entry<String, float[]>>comparingDouble(card -> -card.getValue()[0])
          .thenComparing(Map.Entry::getKey));
      int compromised = 0;
      for (Map.Entry<String, float[]> card : cards.subList(0, Math.min(k, cards.size()))) {
        if (card.getValue()[1] > 0) {
          compromised++;
          detected.add(card.getKey());
        }
      }
      sum += compromised / (double) k;
    }
    return days.isEmpty() ? Double.NaN : sum / days.size();
  }
}
