package org.ridemarket.importers.handbook;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.ridemarket.contracts.events.FraudLabel;
import org.ridemarket.contracts.events.FraudLabeled;
import org.ridemarket.contracts.events.FraudPattern;
import org.ridemarket.contracts.events.GeoPoint;
import org.ridemarket.contracts.events.LabelSource;
import org.ridemarket.contracts.events.PaymentAttempted;
import org.ridemarket.importers.BadRow;
import org.ridemarket.importers.CsvRow;
import org.ridemarket.importers.EventIds;
import org.ridemarket.importers.ImportReport;
import org.ridemarket.simulator.output.EventEmitter;
import org.ridemarket.topologies.common.InputRules;

/**
 * Turns the Fraud Detection Handbook's simulated card transactions into {@code PaymentAttempted} events
 * (customer: user, card fingerprint {@code fp_hb_<customer>} and device; terminal: merchant) and, for each
 * fraudulent one, a chargeback {@code FraudLabeled} delivered a fixed delay after the payment (the handbook's
 * protocol: 7 days). The fingerprint always holds letters, so it can never pass for a card number. The
 * transactions carry no place: every payment is at one fixed point, so distance-based features read zero.
 * Times are taken as UTC. Payments and labels are emitted merged in event-time order; the file must be in
 * time order (the handbook's is), and a row earlier than its predecessor is a bad row.
 */
public final class HandbookImporter {

  /** The deployment's one currency; the handbook names none. */
  static final String CURRENCY = "USD";
  /** Where every handbook payment is: the handbook's transactions have no coordinates. */
  static final GeoPoint NOWHERE_IN_PARTICULAR = new GeoPoint(40.7475, -73.9878);

  private static final InputRules<PaymentAttempted> PAYMENT_RULES = InputRules.payments();

  private final Duration labelDelay;
  private final ImportReport report;
  private final ArrayDeque<FraudLabeled> pendingLabels = new ArrayDeque<>();
  private long previousTime = Long.MIN_VALUE;
  private long emitted;

  public HandbookImporter(Duration labelDelay, ImportReport report) {
    if (labelDelay.isNegative()) {
      throw new IllegalArgumentException("label delay: " + labelDelay + " is negative");
    }
    this.labelDelay = labelDelay;
    this.report = report;
  }

  /** Imports a transactions CSV ({@code .gz} read compressed); returns the events emitted. */
  public long importFile(Path file, EventEmitter emitter) throws IOException {
    InputStream in = Files.newInputStream(file);
    if (file.getFileName().toString().endsWith(".gz")) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
      String headerLine = reader.readLine();
      if (headerLine == null) {
        throw new IllegalArgumentException(file + " is empty, not a handbook transactions file");
      }
      List<String> header = CsvRow.header(headerLine);
      Columns columns = new Columns(header);
      long line = 1;
      for (String text = reader.readLine(); text != null; text = reader.readLine()) {
        line++;
        if (text.isBlank()) {
          continue;
        }
        try {
          payment(CsvRow.of(header, text), columns, emitter);
          report.imported();
        } catch (BadRow e) {
          report.bad("line " + line, e.getMessage());
        }
      }
    }
    // the chargebacks still to come after the last payment
    while (!pendingLabels.isEmpty()) {
      emitLabel(emitter, pendingLabels.poll());
    }
    return emitted;
  }

  private void payment(CsvRow row, Columns columns, EventEmitter emitter) throws BadRow {
    long transaction = row.whole(columns.transaction);
    Instant at = row.time(columns.time).toInstant(ZoneOffset.UTC);
    long customer = row.whole(columns.customer);
    long terminal = row.whole(columns.terminal);
    double amount = row.decimal(columns.amount);
    long fraud = row.whole(columns.fraud);
    if (transaction < 0 || customer < 0 || terminal < 0) {
      throw new BadRow("TRANSACTION_ID, CUSTOMER_ID, TERMINAL_ID: negative");
    }
    if (amount < 0) {
      throw new BadRow("TX_AMOUNT: negative");
    }
    if (fraud != 0 && fraud != 1) {
      throw new BadRow("TX_FRAUD: neither 0 nor 1");
    }
    if (at.toEpochMilli() < previousTime) {
      throw new BadRow("TX_DATETIME: earlier than the row before (the file must be in time order)");
    }
    String rowId = "hb_" + transaction;
    PaymentAttempted payment = PaymentAttempted.newBuilder()
        .setEventId(EventIds.of(rowId, "payment"))
        .setEventTime(at)
        .setTransactionId("txn_" + rowId)
        .setCardFingerprint("fp_hb_" + customer)
        .setUserId("usr_hb_" + customer)
        .setDeviceId("dev_hb_" + customer)
        .setAmountMinor(Math.round(amount * 100))
        .setCurrency(CURRENCY)
        .setLocation(NOWHERE_IN_PARTICULAR)
        .setMerchantId("mer_hb_" + terminal)
        .build();
    String problem = PAYMENT_RULES.problem(payment.getCardFingerprint(), payment);
    if (problem != null) {
      throw new BadRow("the payment would be refused: " + problem);
    }
    previousTime = at.toEpochMilli();
    // chargebacks that became known by now come first
    while (!pendingLabels.isEmpty() && pendingLabels.peek().getEventTime().toEpochMilli() <= previousTime) {
      emitLabel(emitter, pendingLabels.poll());
    }
    emitter.payment(payment);
    emitted++;
    if (fraud == 1) {
      // one fixed delay keeps the queue in time order
      pendingLabels.add(FraudLabeled.newBuilder()
          .setEventId(EventIds.of(rowId, "chargeback"))
          .setEventTime(at.plus(labelDelay))
          .setTransactionId(payment.getTransactionId())
          .setPaymentTime(at)
          .setLabel(FraudLabel.FRAUD)
          .setPattern(patternOf(row, columns))
          .setSource(LabelSource.CHARGEBACK)
          // the card and merchant, so that label-feedback features count the chargeback when it arrives
          .setCardFingerprint(payment.getCardFingerprint())
          .setMerchantId(payment.getMerchantId())
          .build());
    }
  }

  // the handbook's scenarios 1, 2 and 3; a file without the column, or another value, says UNKNOWN
  private static FraudPattern patternOf(CsvRow row, Columns columns) throws BadRow {
    if (columns.scenario < 0) {
      return FraudPattern.UNKNOWN;
    }
    long scenario = row.whole(columns.scenario);
    return scenario == 1 ? FraudPattern.HIGH_AMOUNT : scenario == 2 ? FraudPattern.COMPROMISED_TERMINAL
        : scenario == 3 ? FraudPattern.COMPROMISED_CARD : FraudPattern.UNKNOWN;
  }

  private void emitLabel(EventEmitter emitter, FraudLabeled label) {
    emitter.fraudLabel(label);
    emitted++;
  }

  /** Where the fields are. */
  private static final class Columns {
    final int transaction;
    final int time;
    final int customer;
    final int terminal;
    final int amount;
    final int fraud;
    /** TX_FRAUD_SCENARIO, optional: -1 when absent. */
    final int scenario;

    Columns(List<String> header) {
      transaction = CsvRow.column(header, "TRANSACTION_ID");
      time = CsvRow.column(header, "TX_DATETIME");
      customer = CsvRow.column(header, "CUSTOMER_ID");
      terminal = CsvRow.column(header, "TERMINAL_ID");
      amount = CsvRow.column(header, "TX_AMOUNT");
      fraud = CsvRow.column(header, "TX_FRAUD");
      scenario = header.indexOf("TX_FRAUD_SCENARIO");
    }
  }
}
