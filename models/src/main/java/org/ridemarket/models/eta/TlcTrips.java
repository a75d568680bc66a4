package org.ridemarket.models.eta;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ridemarket.routing.EtaScoring;

/**
 * Reads NYC TLC yellow-taxi trip records (CSV with a header): pick-up and drop-off local New York times and
 * zone ids, under either the sample's column names ({@code pickup_datetime}, {@code pickup_location_id})
 * or the TLC's own ({@code tpep_pickup_datetime}, {@code PULocationID}).
 */
public final class TlcTrips {

  /** One taxi trip: when it started and ended, and between which zones. */
  public record TlcTrip(Instant pickup, Instant dropoff, int pickupZone, int dropoffZone) {

    /** Seconds from pick-up to drop-off. */
    public double durationSeconds() {
      return (dropoff.toEpochMilli() - pickup.toEpochMilli()) / 1000.0;
    }
  }

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private TlcTrips() {
  }

  /** The trips of one file; a row with a missing or unparsable field is skipped. */
  public static List<TlcTrip> read(Path csv) throws IOException {
    List<TlcTrip> trips = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      List<String> header = Arrays.asList(reader.readLine().strip().split(","));
      int pickupAt = column(header, "pickup_datetime", "tpep_pickup_datetime");
      int dropoffAt = column(header, "dropoff_datetime", "tpep_dropoff_datetime");
      int pickupZone = column(header, "pickup_location_id", "PULocationID");
      int dropoffZone = column(header, "dropoff_location_id", "DOLocationID");
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] fields = line.split(",", -1);
        try {
          trips.add(new TlcTrip(local(fields[pickupAt]), local(fields[dropoffAt]),
              Integer.parseInt(fields[pickupZone].strip()), Integer.parseInt(fields[dropoffZone].strip())));
        } catch (RuntimeException e) {
          // a short or malformed row: one trip less, the sample stays usable
        }
      }
    }
    return trips;
  }

  private static Instant local(String text) {
    return LocalDateTime.parse(text.strip(), TIME).atZone(EtaScoring.ZONE).toInstant();
  }

  private static int column(List<String> header, String... names) {
    for (String name : names) {
      int index = header.indexOf(name);
      if (index >= 0) {
        return index;
      }
    }
    throw new IllegalArgumentException("no column " + String.join(" or ", names) + " in " + header);
  }
}
