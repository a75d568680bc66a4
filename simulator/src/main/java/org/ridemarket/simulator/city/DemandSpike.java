package org.ridemarket.simulator.city;

import java.time.Duration;
import org.ridemarket.contracts.geo.Cells;
import org.ridemarket.simulator.clock.Durations;

/**
 * A burst of demand in one cell (a concert letting out, a train cancelled): from {@code start}
 * after the simulation start, for {@code duration}, the cell's request rate is multiplied by
 * {@code factor}. Parsed from {@code cell=<h3 or lat,lon>,start=<offset>,duration=<d>,factor=<x>}.
 */
public record DemandSpike(String cell, Duration start, Duration duration, double factor) {

  public DemandSpike {
    if (!isResolution8Cell(cell)) {
      throw new IllegalArgumentException(
          "spike cell " + cell + " is not an H3 resolution-" + Cells.RESOLUTION + " cell");
    }
    if (start.isNegative() || duration.isNegative() || duration.isZero() || !(factor >= 0)) {
      throw new IllegalArgumentException("spike needs start >= 0, duration > 0 and factor >= 0");
    }
  }

  /** Parses the {@code --spike} option value. */
  public static DemandSpike parse(String text) {
    String cell = null;
    Duration start = Duration.ZERO;
    Duration duration = null;
    double factor = Double.NaN;
    String key = null;
    String value = "";
    // "cell=40.75,-73.98" has a comma inside its value: a part without '=' continues the previous value.
    for (String part : (text + ",end=").split(",")) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        value = value + "," + part.trim();
        continue;
      }
      if (key != null) {
        switch (key) {
          case "cell" -> cell = toCell(value);
          case "start" -> start = Durations.parse(value);
          case "duration" -> duration = Durations.parse(value);
          case "factor" -> factor = Double.parseDouble(value);
          default -> throw new IllegalArgumentException("unknown spike setting '" + key + "' in " + text);
        }
      }
      key = part.substring(0, eq).trim();
      value = part.substring(eq + 1).trim();
    }
    if (cell == null || duration == null || Double.isNaN(factor)) {
      throw new IllegalArgumentException("a spike needs cell=, duration= and factor= (start= defaults to 0): " + text);
    }
    return new DemandSpike(cell, start, duration, factor);
  }

  /** True while the spike is on, {@code elapsedMillis} after the simulation start. */
  public boolean activeAt(long elapsedMillis) {
    return elapsedMillis >= start.toMillis() && elapsedMillis < start.toMillis() + duration.toMillis();
  }

  private static boolean isResolution8Cell(String cell) {
    try {
      return Cells.h3().isValidCell(cell) && Cells.h3().getResolution(cell) == Cells.RESOLUTION;
    } catch (IllegalArgumentException notHex) {
      return false;
    }
  }

  private static String toCell(String value) {
    int comma = value.indexOf(',');
    if (comma < 0) {
      return value.toLowerCase();
    }
    double lat = Double.parseDouble(value.substring(0, comma).trim());
    double lon = Double.parseDouble(value.substring(comma + 1).trim());
    return Cells.cellOf(lat, lon);
  }
}
