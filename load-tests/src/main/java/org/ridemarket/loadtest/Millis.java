package org.ridemarket.loadtest;

import java.util.Locale;

/** How every report line writes a latency in milliseconds: three significant digits, short in a note. */
public final class Millis {

  private Millis() {
  }

  /** {@code 0.085}, {@code 2.31}, {@code 31.2}, {@code 552}; {@code -} when there is no value (NaN). */
  public static String text(double millis) {
    if (Double.isNaN(millis)) {
      return "-";
    }
    String pattern = millis >= 100 ? "%.0f" : millis >= 10 ? "%.1f" : millis >= 0.1 ? "%.2f" : "%.3f";
    return String.format(Locale.ROOT, pattern, millis);
  }
}
