package org.ridemarket.loadtest.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.ridemarket.loadtest.Millis;

/** How the harness's reports write numbers and tables. */
final class Format {

  private Format() {
  }

  /** Milliseconds, three significant digits ({@link Millis}). */
  static String ms(double millis) {
    return Millis.text(millis);
  }

  /** Microseconds, whole; {@code -} for NaN. */
  static String us(double micros) {
    return Double.isNaN(micros) ? "-" : String.format(Locale.ROOT, "%.0f", micros);
  }

  /** A ratio such as {@code 4.2×}; {@code -} when either side is missing. */
  static String ratio(double numerator, double denominator) {
    if (Double.isNaN(numerator) || Double.isNaN(denominator) || denominator <= 0) {
      return "-";
    }
    return String.format(Locale.ROOT, "%.1f×", numerator / denominator);
  }

  /** A share as a percentage with one decimal. */
  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }

  /** One decimal. */
  static String one(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** {@code yes} when a measured value is within its target, {@code NO} when not, {@code -} without both. */
  static String within(double value, double target) {
    if (Double.isNaN(value) || Double.isNaN(target)) {
      return "-";
    }
    return value <= target ? "yes" : "NO";
  }

  /** {@code 201 ×15000, 503 ×3}: outcome counts, most frequent first. */
  static String kinds(Map<String, Long> kinds) {
    if (kinds.isEmpty()) {
      return "none";
    }
    return kinds.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .map(e -> e.getKey() + " ×" + e.getValue()).collect(Collectors.joining(", "));
  }

  /** A markdown table row. */
  static String row(List<String> cells) {
    return "| " + String.join(" | ", cells) + " |";
  }

  /** A markdown header row and its rule. */
  static List<String> header(List<String> cells) {
    return List.of(row(cells), row(cells.stream().map(c -> "---").toList()));
  }
}
