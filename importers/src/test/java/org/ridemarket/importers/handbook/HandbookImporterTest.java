package org.ridemarket.importers.handbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ridemarket.contracts.events.FraudLabel;
import org.ridemarket.contracts.events.FraudLabeled;
import org.ridemarket.contracts.events.FraudPattern;
import org.ridemarket.contracts.events.LabelSource;
import org.ridemarket.contracts.events.PaymentAttempted;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.importers.ImportReport;
import org.ridemarket.importers.ImportedEvents;
import org.ridemarket.simulator.output.EncodedEvent;
import org.ridemarket.simulator.output.EventEmitter;
import org.ridemarket.simulator.output.EventFileSink;
import org.ridemarket.topologies.common.InputRules;

class HandbookImporterTest {

  static final String HEADER =
      "TRANSACTION_ID,TX_DATETIME,CUSTOMER_ID,TERMINAL_ID,TX_AMOUNT,TX_TIME_SECONDS,TX_TIME_DAYS,TX_FRAUD,TX_FRAUD_SCENARIO";

  @Test
  void shouldTurnTransactionsIntoPaymentsAndDeliverEachChargebackAfterTheDelay(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("tx.csv");
    Files.writeString(csv, String.join("\n", HEADER,
        "0,2018-04-01 00:00:31,596,3156,57.16,31,0,0,0",
        "1,2018-04-01 00:02:10,4961,3412,281.51,130,0,1,1",
        "2,2018-04-05 10:00:00,596,3156,12.00,381600,4,0,0",
        "3,2018-04-08 00:02:10,4961,3412,10.00,604930,7,0,0",
        "4,2018-04-09 00:00:00,77,12,5.00,691200,8,0,0"));
    Path events = dir.resolve("hb.events");

    ImportReport report = quietReport();
    long emitted = importInto(csv, events, Duration.ofDays(7), report);

    assertThat(report.importedRows()).isEqualTo(5);
    assertThat(emitted).isEqualTo(6);
    List<PaymentAttempted> payments = ImportedEvents.of(events, Topics.PAYMENTS);
    PaymentAttempted fraud = payments.get(1);
    assertThat(fraud.getTransactionId()).isEqualTo("txn_hb_1");
    assertThat(fraud.getCardFingerprint()).isEqualTo("fp_hb_4961");
    assertThat(fraud.getUserId()).isEqualTo("usr_hb_4961");
    assertThat(fraud.getMerchantId()).isEqualTo("mer_hb_3412");
    assertThat(fraud.getAmountMinor()).isEqualTo(28151L);
    assertThat(fraud.getTripId()).isNull();
    assertThat(fraud.getEventTime()).isEqualTo(Instant.parse("2018-04-01T00:02:10Z"));
    List<FraudLabeled> labels = ImportedEvents.of(events, Topics.FRAUD_LABELS);
    assertThat(labels).singleElement().satisfies(label -> {
      assertThat(label.getTransactionId()).isEqualTo("txn_hb_1");
      assertThat(label.getLabel()).isEqualTo(FraudLabel.FRAUD);
      assertThat(label.getSource()).isEqualTo(LabelSource.CHARGEBACK);
      assertThat(label.getPaymentTime()).isEqualTo(fraud.getEventTime());
      assertThat(label.getEventTime()).isEqualTo(Instant.parse("2018-04-08T00:02:10Z"));
      assertThat(label.getCardFingerprint()).isEqualTo(fraud.getCardFingerprint());
      assertThat(label.getMerchantId()).isEqualTo(fraud.getMerchantId());
      assertThat(label.getPattern()).isEqualTo(FraudPattern.HIGH_AMOUNT);
    });
    // in event-time order: a chargeback known at a payment's instant comes before that payment
    List<EncodedEvent> all = ImportedEvents.all(events);
    assertThat(all).extracting(EncodedEvent::topic).containsExactly(
        "payments.events", "payments.events", "payments.events", "fraud.labels", "payments.events", "payments.events");
    assertThat(all).extracting(EncodedEvent::eventTimeMillis).isSorted();
    // keyed by card fingerprint and transaction id
    assertThat(all.get(1).key()).isEqualTo("fp_hb_4961");
    assertThat(all.get(3).key()).isEqualTo("txn_hb_1");
  }

  @Test
  void shouldDeliverChargebacksStillPendingAfterTheLastPaymentAndHonourAnotherDelay(@TempDir Path dir)
      throws Exception {
    Path csv = dir.resolve("tx.csv");
    Files.writeString(csv, HEADER + "\n1,2018-04-01 00:02:10,4961,3412,281.51,130,0,1,1\n");
    Path events = dir.resolve("hb.events");

    importInto(csv, events, Duration.ofDays(2), quietReport());

    assertThat(ImportedEvents.of(events, Topics.FRAUD_LABELS)).extracting(FraudLabeled::getEventTime)
        .containsExactly(Instant.parse("2018-04-03T00:02:10Z"));
  }

  @Test
  void shouldNeverMakeAFingerprintThatLooksLikeACardNumber(@TempDir Path dir) throws Exception {
    // a customer id that is itself a valid test card number
    Path csv = dir.resolve("tx.csv");
    Files.writeString(csv, HEADER + "\n1,2018-04-01 00:02:10,4111111111111111,3412,20.00,130,0,0,0\n");
    Path events = dir.resolve("hb.events");

    ImportReport report = quietReport();
    importInto(csv, events, Duration.ofDays(7), report);

    assertThat(report.importedRows()).isEqualTo(1);
    PaymentAttempted payment = ImportedEvents.of(events, Topics.PAYMENTS).get(0);
    assertThat(payment.getCardFingerprint()).isEqualTo("fp_hb_4111111111111111");
    assertThat(InputRules.payments().problem(payment.getCardFingerprint(), payment)).isNull();
  }

  @Test
  void shouldCountBadRowsWithTheirReasonAndImportTheRest(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("tx.csv");
    Files.writeString(csv, String.join("\n", HEADER,
        "0,2018-04-01 00:00:31,596,3156,57.16,31,0,0,0",
        "1,2018-04-01 00:02:10,4961,3412,abc,130,0,0,0",
        "2,2018-03-31 23:00:00,4961,3412,1.00,130,0,0,0",
        "3,2018-04-01 00:03:00,4961,3412,-1.00,130,0,0,0",
        "4,2018-04-01 00:03:00,4961,3412,1.00,130,0,2,0",
        "5,2018-04-01T00:03:00,4961,3412,1.00,130,0,0,0",
        "6,2018-04-01 00:04:00,,3412,1.00,130,0,0,0",
        "7,2018-04-01 00:05:00,4961,3412,1.00,130,0,0,0"));

    ImportReport report = quietReport();
    importInto(csv, dir.resolve("hb.events"), Duration.ofDays(7), report);

    assertThat(report.importedRows()).isEqualTo(2);
    assertThat(report.badByReason()).containsOnlyKeys(
        "TX_AMOUNT: not a number",
        "TX_DATETIME: earlier than the row before (the file must be in time order)",
        "TX_AMOUNT: negative",
        "TX_FRAUD: neither 0 nor 1",
        "TX_DATETIME: not a time yyyy-MM-dd HH:mm:ss",
        "CUSTOMER_ID: missing");
  }

  @Test
  void shouldRefuseAFileWithoutTheHandbookColumns(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("other.csv");
    Files.writeString(csv, "a,b,c\n1,2,3\n");

    assertThatThrownBy(() -> importInto(csv, dir.resolve("x.events"), Duration.ofDays(7), quietReport()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no column TRANSACTION_ID");
  }

  static long importInto(Path csv, Path eventFile, Duration delay, ImportReport report) throws Exception {
    EventEmitter emitter = new EventEmitter(List.of(new EventFileSink(eventFile)));
    try {
      return new HandbookImporter(delay, report).importFile(csv, emitter);
    } finally {
      emitter.close();
    }
  }

  private static ImportReport quietReport() {
    return new ImportReport("handbook", new PrintStream(new ByteArrayOutputStream()), 0);
  }
}
