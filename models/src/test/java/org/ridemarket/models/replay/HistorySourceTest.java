package org.ridemarket.models.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ridemarket.archiver.ArchiverMain;
import org.ridemarket.contracts.events.FraudLabel;
import org.ridemarket.contracts.events.FraudLabeled;
import org.ridemarket.contracts.events.FraudPattern;
import org.ridemarket.contracts.events.GeoPoint;
import org.ridemarket.contracts.events.LabelSource;
import org.ridemarket.contracts.events.PaymentAttempted;
import org.ridemarket.contracts.events.Product;
import org.ridemarket.contracts.events.TripEvent;
import org.ridemarket.contracts.events.TripEventType;
import org.ridemarket.contracts.geo.Cells;
import org.ridemarket.contracts.topics.Topic;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.models.fraud.FraudHistory;
import org.ridemarket.models.fraud.FraudRow;
import org.ridemarket.models.fraud.VelocityReplay;
import org.ridemarket.simulator.output.EncodedEvent;
import org.ridemarket.simulator.output.EventEmitter;
import org.ridemarket.simulator.output.EventFileSink;
import org.ridemarket.simulator.output.KafkaSink;
import org.ridemarket.stack.LocalStack;
import org.ridemarket.stack.StackSettings;

/**
 * One history written to a real broker and to an event file, archived from the broker into Parquet, and replayed
 * for a time range from each of the three sources: the same events in the same order, the same training rows.
 */
class HistorySourceTest {

  // the history spans midnight UTC, so the archive holds each partition's batch in two date directories
  private static final Instant START = Instant.parse("2026-11-02T23:00:00Z");
  private static final Instant FROM = Instant.parse("2026-11-02T23:15:00Z");
  private static final Instant TO = Instant.parse("2026-11-03T00:45:00Z");
  private static final List<Topic<String, ?>> TOPICS =
      List.of(Topics.TRIP_EVENTS, Topics.PAYMENTS, Topics.FRAUD_LABELS);

  record Timed(Instant time, Runnable emit) {
  }

  @Test
  void shouldReplayTheSameRangeFromKafkaTheArchiveAndAnEventFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("history.events.gz");
    Path archive = dir.resolve("archive");
    try (LocalStack stack = LocalStack.start(StackSettings.randomPorts(dir.resolve("stack")))) {
      String kafka = stack.endpoints().kafkaBootstrapServers();
      // given two hours of payments, chargebacks and trips, keyed by the emitter, in Kafka and in a file
      EventEmitter emitter = new EventEmitter(List.of(KafkaSink.oneInFlight(kafka, "none"), new EventFileSink(file)));
      history(emitter).forEach(timed -> timed.emit().run());
      emitter.close();
      // and archived from Kafka into the raw zone, a one-off copy up to the end offsets
      ArchiverMain.main(new String[] {"archive", "--kafka", kafka, "--dir", archive.toString(), "--to-end"});

      // when the range is replayed from each source
      List<EncodedEvent> fromKafka = replay("--kafka", kafka);
      List<EncodedEvent> fromArchive = replay("--archive", archive.toString());
      List<EncodedEvent> fromFile = replay("--events", file.toString());

      // then each gives the range's events only, oldest first, and all three the same ones in the same order
      assertThat(fromKafka).hasSize(55)
          .isSortedAccordingTo(Comparator.comparingLong(EncodedEvent::eventTimeMillis))
          .allSatisfy(event -> assertThat(Instant.ofEpochMilli(event.eventTimeMillis())).isBetween(FROM,
              TO.minusMillis(1)));
      assertThat(fromKafka).extracting(EncodedEvent::topic).containsOnly(Topics.TRIP_EVENTS.name(),
          Topics.PAYMENTS.name(), Topics.FRAUD_LABELS.name());
      assertThat(fromArchive).containsExactlyElementsOf(fromKafka);
      assertThat(fromFile).containsExactlyElementsOf(fromKafka);
      // and the training rows built from the archive are those built from the file
      assertThat(rows(fromArchive)).isNotEmpty().containsExactlyElementsOf(rows(fromFile));
    }
  }

  @Test
  void shouldRefuseAReplayWithoutAJobOrASourceOrARange() {
    assertThat(ReplayMain.problem(new String[0])).isEqualTo("name a job");
    assertThat(ReplayMain.problem(new String[] {"pricing", "--events", "x"})).isEqualTo("unknown job pricing");
    assertThat(ReplayMain.problem(new String[] {"fraud", "--version", "3"})).startsWith("name a source");
    assertThat(ReplayMain.problem(new String[] {"fraud", "--kafka", "127.0.0.1:19092", "--from", "2018-07-01"}))
        .isEqualTo("--kafka needs --from and --to");
    assertThat(ReplayMain.problem(new String[] {"eta-nyc", "--archive", "/nowhere", "--from", "2018-07-01",
        "--to", "2018-07-02"})).startsWith("--archive: no raw zone");
    assertThat(ReplayMain.problem(new String[] {"fraud", "--events", "a", "--kafka", "b"}))
        .startsWith("name exactly one of");
    assertThat(ReplayMain.problem(new String[] {"fraud", "--kafka", "b", "--from", "2018-07-02", "--to",
        "2018-07-01"})).startsWith("--from must be before --to");
    assertThat(ReplayMain.problem(new String[] {"fraud", "--kafka", "b", "--from", "July"}))
        .startsWith("--from: ");
  }

  @Test
  void shouldTakeOnlyItsOwnOptionsAndLeaveTheSimulatorsAfterTheDoubleDash() {
    HistorySource history = new HistorySource();

    String[] rest = history.take(new String[] {"--version", "2", "--events", "h.events", "--from", "2018-07-01",
        "--dry-run", "--", "--kafka", "127.0.0.1:19092"});

    assertThat(rest).containsExactly("--version", "2", "--dry-run", "--", "--kafka", "127.0.0.1:19092");
    assertThat(history.describe()).isEqualTo("h.events 2018-07-01T04:00:00Z .. end");
  }

  private static List<EncodedEvent> replay(String source, String location) {
    HistorySource history = new HistorySource();
    assertThat(history.take(new String[] {source, location, "--from", FROM.toString(), "--to", TO.toString()}))
        .isEmpty();
    List<EncodedEvent> events = new ArrayList<>();
    HistorySource.Summary summary = history.replay(TOPICS, events::add);
    assertThat(summary.events()).isEqualTo(events.size());
    assertThat(summary.perTopic().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(events.size());
    return events;
  }

  private static List<String> rows(List<EncodedEvent> events) {
    FraudHistory history = new FraudHistory(new VelocityReplay(), Duration.ofMinutes(20));
    events.forEach(history::accept);
    history.close();
    return history.rows().stream().map(row -> row.transactionId() + " " + row.fraud() + " "
        + Arrays.toString(row.features())).toList();
  }

  // 40 payments 3 minutes apart on 4 cards, every third charged back 12 minutes later, and 20 trips 6 minutes
  // apart in 4 cells, from 23:00: labels and trips share their times with payments, so ties across partitions must
  // merge alike from every source; the range [23:15, 00:45) holds 30 payments, 10 labels, 15 trips
  private static List<Timed> history(EventEmitter emitter) {
    List<Timed> events = new ArrayList<>();
    String[] cells = {Cells.cellOf(40.7505, -73.9880), Cells.cellOf(40.7580, -73.9855),
        Cells.cellOf(40.7420, -74.0010), Cells.cellOf(40.7550, -73.9700)};
    for (int i = 0; i < 40; i++) {
      Instant paid = START.plus(Duration.ofMinutes(3L * i));
      PaymentAttempted payment = PaymentAttempted.newBuilder().setEventId(UUID.randomUUID()).setEventTime(paid)
          .setTransactionId("txn_" + i).setCardFingerprint("fp_" + (i % 4)).setUserId("usr_" + (i % 4))
          .setDeviceId("dev_" + (i % 4)).setAmountMinor(1_000L + 250L * i).setCurrency("USD")
          .setLocation(new GeoPoint(40.758, -73.9855)).setMerchantId("mer_" + (i % 2)).build();
      events.add(new Timed(paid, () -> emitter.payment(payment)));
      if (i % 3 == 0) {
        Instant known = paid.plus(Duration.ofMinutes(12));
        FraudLabeled label = new FraudLabeled(UUID.randomUUID(), known, "txn_" + i, paid, FraudLabel.FRAUD,
            FraudPattern.STOLEN_CARD_BURST, LabelSource.CHARGEBACK, "fp_" + (i % 4), "mer_" + (i % 2));
        events.add(new Timed(known, () -> emitter.fraudLabel(label)));
      }
    }
    for (int j = 0; j < 20; j++) {
      Instant at = START.plus(Duration.ofMinutes(6L * j));
      String cell = cells[j % cells.length];
      TripEvent trip = new TripEvent(UUID.randomUUID(), at, "trip_" + j, "req_" + j, "usr_" + j, null,
          TripEventType.REQUESTED, new GeoPoint(40.75, -73.98), new GeoPoint(40.76, -73.98), cell, Product.STANDARD,
          null, null, null, null, null);
      events.add(new Timed(at, () -> emitter.trip(trip)));
    }
    // stable: at equal times labels, then payments, then trips, the partitions' merge order (by topic name)
    events.sort(Comparator.comparing(Timed::time));
    return events;
  }
}
