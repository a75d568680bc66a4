package org.ridemarket.importers.tlc;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ridemarket.contracts.events.GeoPoint;
import org.ridemarket.contracts.events.Product;
import org.ridemarket.contracts.events.RideRequested;
import org.ridemarket.contracts.events.TripEvent;
import org.ridemarket.contracts.events.TripEventType;
import org.ridemarket.contracts.geo.Cells;
import org.ridemarket.importers.BadRow;
import org.ridemarket.importers.CsvRow;
import org.ridemarket.importers.EventIds;
import org.ridemarket.importers.ImportReport;
import org.ridemarket.models.eta.TaxiZones;
import org.ridemarket.simulator.output.EventEmitter;
import org.ridemarket.topologies.common.InputRules;

/**
 * Turns NYC TLC yellow-taxi trip records into the contract's ride events: per trip a {@code RideRequested}
 * and the trip events REQUESTED and PICKED_UP at the real pick-up time and COMPLETED at the real drop-off
 * time (a street hail has no request before its pick-up, and the records name no driver, so there is no
 * ACCEPTED step and no driver id), at the centroids of the pick-up and drop-off taxi zones, with the
 * recorded distance and metered fare. Times are New York local time. Events are emitted in event-time
 * order over all files. A row that cannot become events, or whose events the feature topologies would
 * refuse ({@link InputRules}), is a bad row.
 */
public final class TlcImporter {

  /** The TLC's clock. */
  public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final double METERS_PER_MILE = 1609.344;
  static final Duration LONGEST_TRIP = Duration.ofHours(24);
  static final String CURRENCY = "USD";

  private static final InputRules<RideRequested> REQUEST_RULES = InputRules.rideRequests();
  private static final InputRules<TripEvent> TRIP_RULES = InputRules.tripSpeeds();

  private final TaxiZones zones;
  private final ImportReport report;

  public TlcImporter(TaxiZones zones, ImportReport report) {
    this.zones = zones;
    this.report = report;
  }

  /** One trip's events. */
  record Trip(RideRequested request, List<TripEvent> steps) {
  }

  private record Timed(long time, long sequence, Object event) {
  }

  /** Reads every file, then emits all trips' events in event-time order; returns the events emitted. */
  public long importFiles(List<Path> files, EventEmitter emitter) throws IOException {
    List<Timed> events = new ArrayList<>();
    for (Path file : files) {
      for (Trip trip : read(file)) {
        events.add(new Timed(trip.request().getEventTime().toEpochMilli(), events.size(), trip.request()));
        for (TripEvent step : trip.steps()) {
          events.add(new Timed(step.getEventTime().toEpochMilli(), events.size(), step));
        }
      }
    }
    // stable: a trip's steps keep their order when they share a time
    events.sort(Comparator.comparingLong(Timed::time).thenComparingLong(Timed::sequence));
    for (Timed timed : events) {
      if (timed.event() instanceof RideRequested request) {
        emitter.rideRequested(request);
      } else {
        emitter.trip((TripEvent) timed.event());
      }
    }
    return events.size();
  }

  /** The trips of one file; bad rows are counted in the report. */
  List<Trip> read(Path file) throws IOException {
    String name = file.getFileName().toString().replaceFirst("\\.csv$", "");
    List<Trip> trips = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String headerLine = reader.readLine();
      if (headerLine == null) {
        throw new IllegalArgumentException(file + " is empty, not a TLC trip file");
      }
      Columns columns = new Columns(CsvRow.header(headerLine));
      long line = 1;
      for (String text = reader.readLine(); text != null; text = reader.readLine()) {
        line++;
        if (text.isBlank()) {
          continue;
        }
        String where = name + ":" + line;
        try {
          trips.add(trip(columns, CsvRow.of(columns.header, text), "tlc_" + name + "_" + line));
          report.imported();
        } catch (BadRow e) {
          report.bad(where, e.getMessage());
        }
      }
    }
    return trips;
  }

  private Trip trip(Columns columns, CsvRow row, String rowId) throws BadRow {
    Instant pickupAt = row.time(columns.pickupAt).atZone(NEW_YORK).toInstant();
    Instant dropoffAt = row.time(columns.dropoffAt).atZone(NEW_YORK).toInstant();
    if (!dropoffAt.isAfter(pickupAt)) {
      throw new BadRow("dropoff_datetime: not after the pick-up");
    }
    if (Duration.between(pickupAt, dropoffAt).compareTo(LONGEST_TRIP) > 0) {
      throw new BadRow("dropoff_datetime: more than 24 h after the pick-up");
    }
    GeoPoint pickup = centroid(row, columns.pickupZone);
    GeoPoint dropoff = centroid(row, columns.dropoffZone);
    double miles = row.decimal(columns.distance);
    if (miles < 0) {
      throw new BadRow("trip_distance: negative");
    }
    double fare = row.decimal(columns.fare);
    if (fare < 0) {
      throw new BadRow("fare_amount: negative (a refund)");
    }
    String cell = Cells.cellOf(pickup.getLat(), pickup.getLon());
    RideRequested request = RideRequested.newBuilder()
        .setEventId(EventIds.of(rowId, "requested")).setEventTime(pickupAt)
        .setRequestId("req_" + rowId).setRiderId("usr_" + rowId)
        .setPickup(pickup).setDropoff(dropoff).setPickupCell(cell).setProduct(Product.STANDARD)
        .build();
    List<TripEvent> steps = List.of(
        step(request, rowId, TripEventType.REQUESTED, pickupAt).build(),
        step(request, rowId, TripEventType.PICKED_UP, pickupAt).build(),
        step(request, rowId, TripEventType.COMPLETED, dropoffAt)
            .setDurationSeconds(Duration.between(pickupAt, dropoffAt).toMillis() / 1000.0)
            .setDistanceMeters(miles * METERS_PER_MILE)
            .setFareMinor(Math.round(fare * 100))
            .setCurrency(CURRENCY)
            .build());
    check(REQUEST_RULES.problem(cell, request));
    for (TripEvent step : steps) {
      check(TRIP_RULES.problem(cell, step));
    }
    return new Trip(request, steps);
  }

  private static TripEvent.Builder step(RideRequested request, String rowId, TripEventType type, Instant at) {
    return TripEvent.newBuilder()
        .setEventId(EventIds.of(rowId, type.name().toLowerCase(java.util.Locale.ROOT)))
        .setEventTime(at)
        .setTripId("trp_" + rowId)
        .setRequestId(request.getRequestId())
        .setRiderId(request.getRiderId())
        .setType(type)
        .setPickup(request.getPickup())
        .setDropoff(request.getDropoff())
        .setPickupCell(request.getPickupCell())
        .setProduct(request.getProduct());
  }

  private GeoPoint centroid(CsvRow row, int column) throws BadRow {
    long zone = row.whole(column);
    org.ridemarket.routing.GeoPoint centroid = zone > Integer.MAX_VALUE ? null : zones.centroid((int) zone);
    if (centroid == null) {
      throw new BadRow(row.columnName(column) + ": not a taxi zone with a polygon (264 and 265 are the TLC's unknown zones)");
    }
    return new GeoPoint(centroid.lat(), centroid.lon());
  }

  // The feature topologies' own rules: an event they would dead-letter is not imported.
  private static void check(String problem) throws BadRow {
    if (problem != null) {
      throw new BadRow("the events would be refused: " + problem.replaceAll("-?[0-9][0-9.E-]*", "N"));
    }
  }

  /** Where the fields are, under the sample's column names or the TLC's own. */
  private static final class Columns {
    final List<String> header;
    final int pickupAt;
    final int dropoffAt;
    final int pickupZone;
    final int dropoffZone;
    final int distance;
    final int fare;

    Columns(List<String> header) {
      this.header = header;
      pickupAt = CsvRow.column(header, "pickup_datetime", "tpep_pickup_datetime");
      dropoffAt = CsvRow.column(header, "dropoff_datetime", "tpep_dropoff_datetime");
      pickupZone = CsvRow.column(header, "pickup_location_id", "PULocationID");
      dropoffZone = CsvRow.column(header, "dropoff_location_id", "DOLocationID");
      distance = CsvRow.column(header, "trip_distance");
      fare = CsvRow.column(header, "fare_amount");
    }
  }
}
