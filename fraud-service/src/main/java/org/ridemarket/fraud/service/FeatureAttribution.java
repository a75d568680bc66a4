package org.ridemarket.fraud.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.ridemarket.contracts.features.VelocityFeatures;
import org.ridemarket.fraud.Reason;

/**
 * Names the features that pushed a high score up, cheaply: each feature of the row is replaced by its
 * neutral value (0 for counts and amounts, NaN, i.e. unknown, for times, speeds and ratios), all the
 * variants are scored in one batched model run, and the features whose removal lowers the score most
 * are the reasons. One extra run per reviewed payment, none for the others.
 */
final class FeatureAttribution {

  private static final List<String> NAMES = VelocityFeatures.NAMES;
  // Below this a change of score is noise, not a reason.
  private static final double MIN_EFFECT = 1e-6;

  private FeatureAttribution() {
  }

  /**
   * The top {@code limit} features of {@code row} by how much they raise {@code score}.
   *
   * @param model scores a batch of rows in one run
   */
  static List<Reason> topFeatures(float[] row, double score, int limit, Function<float[][], float[]> model) {
    List<Integer> varied = new ArrayList<>();
    List<float[]> variants = new ArrayList<>();
    for (int i = 0; i < row.length; i++) {
      float neutral = neutral(NAMES.get(i));
      if (Float.compare(row[i], neutral) != 0) {
        float[] variant = row.clone();
        variant[i] = neutral;
        varied.add(i);
        variants.add(variant);
      }
    }
    if (variants.isEmpty() || limit <= 0) {
      return List.of();
    }
    float[] without = model.apply(variants.toArray(float[][]::new));
    List<int[]> order = new ArrayList<>();
    for (int k = 0; k < without.length; k++) {
      if (score - without[k] > MIN_EFFECT) {
        order.add(new int[] {k});
      }
    }
    order.sort(Comparator.comparingDouble(k -> without[k[0]]));
    List<Reason> reasons = new ArrayList<>();
    for (int[] k : order.subList(0, Math.min(limit, order.size()))) {
      String name = NAMES.get(varied.get(k[0]));
      reasons.add(new Reason(Reason.FEATURE_PREFIX + name.toUpperCase(Locale.ROOT),
          String.format(Locale.ROOT, "%s=%s raises the score from %.6f to %.6f", name, value(row[varied.get(k[0])]),
              without[k[0]], score)));
    }
    return reasons;
  }

  /** The value that stands for "nothing here" for a feature: 0 for counts and amounts, NaN for the rest. */
  static float neutral(String name) {
    if (name.endsWith("_seconds_since_last") || name.endsWith("_speed_kmh_from_last")
        || name.equals(VelocityFeatures.AMOUNT_OVER_CARD_AVG) || name.equals(VelocityFeatures.AMOUNT_OVER_CARD_MEAN_7D)
        || name.equals(VelocityFeatures.AMOUNT_OVER_CARD_MEAN_30D)) {
      return Float.NaN;
    }
    return 0f;
  }

  private static String value(float value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e9) {
      return Long.toString((long) value);
    }
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
