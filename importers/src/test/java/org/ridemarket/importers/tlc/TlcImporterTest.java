package org.ridemarket.importers.tlc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ridemarket.contracts.events.RideRequested;
import org.ridemarket.contracts.events.TripEvent;
import org.ridemarket.contracts.events.TripEventType;
import org.ridemarket.contracts.geo.Cells;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.importers.ImportReport;
import org.ridemarket.importers.ImportedEvents;
import org.ridemarket.models.eta.TaxiZones;
import org.ridemarket.simulator.output.EncodedEvent;
import org.ridemarket.simulator.output.EventEmitter;
import org.ridemarket.simulator.output.EventFileSink;

class TlcImporterTest {

  static final String HEADER = "vendor_id,pickup_datetime,dropoff_datetime,passenger_count,trip_distance,rate_code_id,"
      + "store_and_fwd_flag,pickup_location_id,dropoff_location_id,payment_type,fare_amount,extra,mta_tax,tip_amount,"
      + "tolls_amount,improvement_surcharge,total_amount,congestion_surcharge";

  // Two square zones in Midtown: 1 around (40.75, -73.99), 2 around (40.74, -73.98).
  static TaxiZones zones() throws Exception {
    return TaxiZones.of(new ObjectMapper().readTree("""
        {"type":"FeatureCollection","features":[
         {"type":"Feature","properties":{"LocationID":1},"geometry":{"type":"Polygon","coordinates":
           [[[-73.991,40.749],[-73.989,40.749],[-73.989,40.751],[-73.991,40.751],[-73.991,40.749]]]}},
         {"type":"Feature","properties":{"LocationID":2},"geometry":{"type":"Polygon","coordinates":
           [[[-73.981,40.739],[-73.979,40.739],[-73.979,40.741],[-73.981,40.741],[-73.981,40.739]]]}}]}
        """));
  }

  static String row(String pickup, String dropoff, String miles, String from, String to, String fare) {
    return "2," + pickup + "," + dropoff + ",1," + miles + ",1,N," + from + "," + to + ",1," + fare
        + ",0.5,0.5,1.0,0.0,0.3,9.99,";
  }

  @Test
  void shouldTurnATripIntoARequestAndItsLifecycleAtTheRealTimesAndZoneCentroids(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("yellow_tripdata_sample_2018-01.csv");
    Files.writeString(csv, String.join("\n", HEADER,
        row("2018-01-11 18:24:44", "2018-01-11 18:35:02", "1.65", "1", "2", "8.5"),
        row("2018-01-11 18:00:00", "2018-01-11 18:10:00", "1.00", "2", "1", "7.0")) + "\n");
    Path events = dir.resolve("tlc.events");
    ImportReport report = new ImportReport("tlc", new PrintStream(new ByteArrayOutputStream()), 0);

    long emitted = importInto(List.of(csv), events, report);

    assertThat(report.importedRows()).isEqualTo(2);
    assertThat(emitted).isEqualTo(8);
    List<RideRequested> requests = ImportedEvents.of(events, Topics.RIDE_REQUESTS);
    List<TripEvent> trips = ImportedEvents.of(events, Topics.TRIP_EVENTS);
    assertThat(requests).hasSize(2);
    assertThat(trips).extracting(TripEvent::getType).containsExactly(
        TripEventType.REQUESTED, TripEventType.PICKED_UP, TripEventType.COMPLETED,
        TripEventType.REQUESTED, TripEventType.PICKED_UP, TripEventType.COMPLETED);
    // the 18:00 trip (line 3) comes first: events are in event-time order, not file order
    assertThat(requests.get(0).getRequestId()).isEqualTo("req_tlc_yellow_tripdata_sample_2018-01_3");
    TripEvent completed = trips.stream().filter(t -> t.getTripId().endsWith("_2")
        && t.getType() == TripEventType.COMPLETED).findFirst().orElseThrow();
    // New York is at UTC-5 in January
    assertThat(completed.getEventTime()).isEqualTo(
        LocalDateTime.parse("2018-01-11T18:35:02").atZone(TlcImporter.NEW_YORK).toInstant());
    assertThat(completed.getEventTime().toString()).isEqualTo("2018-01-11T23:35:02Z");
    assertThat(completed.getDurationSeconds()).isEqualTo(618.0);
    assertThat(completed.getDistanceMeters()).isCloseTo(1.65 * 1609.344, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(completed.getFareMinor()).isEqualTo(850L);
    assertThat(completed.getCurrency()).isEqualTo("USD");
    assertThat(completed.getPickup().getLat()).isCloseTo(40.750, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(completed.getPickup().getLon()).isCloseTo(-73.990, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(completed.getPickupCell()).isEqualTo(Cells.cellOf(40.750, -73.990));
    assertThat(completed.getDropoff().getLat()).isCloseTo(40.740, org.assertj.core.data.Offset.offset(1e-9));
    TripEvent pickedUp = trips.stream().filter(t -> t.getTripId().endsWith("_2")
        && t.getType() == TripEventType.PICKED_UP).findFirst().orElseThrow();
    assertThat(pickedUp.getEventTime().toString()).isEqualTo("2018-01-11T23:24:44Z");
    List<EncodedEvent> all = ImportedEvents.all(events);
    assertThat(all).extracting(EncodedEvent::eventTimeMillis).isSorted();
    // keyed by the pickup cell, as the contract says
    assertThat(all).extracting(EncodedEvent::key).containsOnly(Cells.cellOf(40.750, -73.990), Cells.cellOf(40.740, -73.980));
  }

  @Test
  void shouldGiveTheSameEventIdsWhenTheSameFileIsImportedTwice(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("trips.csv");
    Files.writeString(csv, HEADER + "\n" + row("2018-01-11 18:24:44", "2018-01-11 18:35:02", "1.65", "1", "2", "8.5"));
    Path first = dir.resolve("first.events");
    Path second = dir.resolve("second.events");

    importInto(List.of(csv), first, quietReport());
    importInto(List.of(csv), second, quietReport());

    assertThat(ImportedEvents.all(first)).isEqualTo(ImportedEvents.all(second));
    assertThat(ImportedEvents.of(first, Topics.TRIP_EVENTS)).extracting(TripEvent::getEventId).doesNotHaveDuplicates();
  }

  @Test
  void shouldCountBadRowsWithTheirReasonAndImportTheRest(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("bad.csv");
    Files.writeString(csv, String.join("\n", HEADER,
        row("2018-01-11 18:24:44", "2018-01-11 18:35:02", "1.65", "1", "2", "8.5"),
        row("2018-01-11 18:24:44", "2018-01-11 18:35:02", "1.65", "264", "2", "8.5"),
        row("2018-01-11 18:24:44", "2018-01-11 18:20:00", "1.65", "1", "2", "8.5"),
        row("11/01/2018 18:24", "2018-01-11 18:35:02", "1.65", "1", "2", "8.5"),
        row("2018-01-11 18:24:44", "2018-01-11 18:25:44", "40.0", "1", "2", "8.5"),
        row("2018-01-11 18:24:44", "2018-01-11 18:35:02", "1.65", "1", "2", "-3.0"),
        "2,2018-01-11 18:24:44,short row",
        row("2018-01-11 18:24:44", "2018-01-11 18:35:02", "1.65", "2", "1", "8.5")) + "\n");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    ImportReport report = new ImportReport("tlc", new PrintStream(printed, true, StandardCharsets.UTF_8), 0);

    importInto(List.of(csv), dir.resolve("out.events"), report);
    report.printSummary(0);

    assertThat(report.rows()).isEqualTo(8);
    assertThat(report.importedRows()).isEqualTo(2);
    assertThat(report.badByReason()).containsOnlyKeys(
        "pickup_location_id: not a taxi zone with a polygon (264 and 265 are the TLC's unknown zones)",
        "dropoff_datetime: not after the pick-up",
        "pickup_datetime: not a time yyyy-MM-dd HH:mm:ss",
        "fare_amount: negative (a refund)",
        "has 3 fields, the header has 18",
        "the events would be refused: distanceMeters/durationSeconds: N is not a speed in N m/s (N m in N s)");
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("8 rows read, 2 imported, 6 bad")
        .contains("1 x dropoff_datetime: not after the pick-up (e.g. bad:4)");
  }

  @Test
  void shouldImportARealMonthOfTlcSamplesWithFewBadRows(@TempDir Path dir) throws Exception {
    Path data = Path.of("../../shared/data/nyc-tlc");
    assumeThat(data.resolve("yellow_tripdata_sample_2018-01.csv")).as("the TLC samples beside the project").exists();
    ImportReport report = quietReport();
    Path events = dir.resolve("2018-01.events.gz");

    EventEmitter emitter = emitter(events);
    long emitted;
    try {
      emitted = new TlcImporter(TaxiZones.read(data.resolve("taxi_zones.geojson")), report)
          .importFiles(List.of(data.resolve("yellow_tripdata_sample_2018-01.csv")), emitter);
    } finally {
      emitter.close();
    }

    assertThat(report.rows()).isEqualTo(10_000);
    assertThat(report.importedRows()).isGreaterThan(9_500);
    assertThat(emitted).isEqualTo(4 * report.importedRows());
    assertThat(ImportedEvents.all(events)).extracting(EncodedEvent::eventTimeMillis).isSorted();
  }

  static long importInto(List<Path> files, Path eventFile, ImportReport report) throws Exception {
    EventEmitter emitter = emitter(eventFile);
    try {
      return new TlcImporter(zones(), report).importFiles(files, emitter);
    } finally {
      emitter.close();
    }
  }

  private static EventEmitter emitter(Path eventFile) {
    return new EventEmitter(List.of(new EventFileSink(eventFile)));
  }

  private static ImportReport quietReport() {
    return new ImportReport("tlc", new PrintStream(new ByteArrayOutputStream()), 0);
  }
}
