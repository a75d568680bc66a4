package org.ridemarket.simulator.city;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the FiveThirtyEight copy of the 2014 Uber pickups ({@code Date/Time,Lat,Lon,Base}), in
 * either of its date layouts ({@code "4/1/2014 0:11:00"} or {@code 2014/4/1 00:11:00}, quoted or
 * not), and keeps the pickups inside a box with their local hour of day.
 */
public final class UberPickups {

  /** One pickup: position and local hour 0..23. */
  public record Pickup(double lat, double lon, int hour) {
  }

  private UberPickups() {
  }

  /** The pickups in {@code file} that fall inside {@code box}; malformed lines are skipped. */
  public static List<Pickup> read(Path file, CityBox box) {
    List<Pickup> pickups = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        Pickup pickup = parse(line);
        if (pickup != null && box.contains(pickup.lat(), pickup.lon())) {
          pickups.add(pickup);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read Uber pickups from " + file, e);
    }
    return pickups;
  }

  /** The pickup on one CSV line, or null for the header and malformed lines. */
  static Pickup parse(String line) {
    String[] fields = line.replace("\"", "").split(",");
    if (fields.length < 3) {
      return null;
    }
    String dateTime = fields[0].trim();
    int space = dateTime.indexOf(' ');
    int colon = dateTime.indexOf(':', Math.max(space, 0));
    if (space < 0 || colon < 0) {
      return null;
    }
    try {
      int hour = Integer.parseInt(dateTime.substring(space, colon).trim());
      double lat = Double.parseDouble(fields[1].trim());
      double lon = Double.parseDouble(fields[2].trim());
      return hour >= 0 && hour < 24 ? new Pickup(lat, lon, hour) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
