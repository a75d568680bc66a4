package org.ridemarket.simulator.clock;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** Parses human durations: {@code 90s}, {@code 30m}, {@code 2h}, {@code 1h30m}, {@code 3d} or ISO {@code PT2H}. */
public final class Durations {

  private Durations() {
  }

  /** The duration {@code text} denotes; throws IllegalArgumentException naming the text otherwise. */
  public static Duration parse(String text) {
    String trimmed = text.trim();
    if (trimmed.startsWith("P") || trimmed.startsWith("p")) {
      try {
        return Duration.parse(trimmed.toUpperCase());
      } catch (DateTimeParseException e) {
        throw invalid(text);
      }
    }
    Duration total = Duration.ZERO;
    int i = 0;
    boolean any = false;
    while (i < trimmed.length()) {
      int numberStart = i;
      while (i < trimmed.length() && (Character.isDigit(trimmed.charAt(i)) || trimmed.charAt(i) == '.')) {
        i++;
      }
      int unitStart = i;
      while (i < trimmed.length() && Character.isLetter(trimmed.charAt(i))) {
        i++;
      }
      if (numberStart == unitStart || unitStart == i) {
        throw invalid(text);
      }
      double amount = Double.parseDouble(trimmed.substring(numberStart, unitStart));
      total = total.plusNanos(Math.round(amount * unitNanos(trimmed.substring(unitStart, i), text)));
      any = true;
    }
    if (!any) {
      throw invalid(text);
    }
    return total;
  }

  private static double unitNanos(String unit, String text) {
    return switch (unit) {
      case "ms" -> 1e6;
      case "s" -> 1e9;
      case "m", "min" -> 60e9;
      case "h" -> 3600e9;
      case "d" -> 86_400e9;
      default -> throw invalid(text);
    };
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException("not a duration: '" + text + "' (use e.g. 90s, 30m, 2h, 1h30m, 3d)");
  }
}
