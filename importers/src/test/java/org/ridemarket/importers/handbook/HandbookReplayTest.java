package org.ridemarket.importers.handbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.events.FraudPattern;
import org.ridemarket.contracts.features.VelocityFeatures;
import org.ridemarket.importers.ImportReport;
import org.ridemarket.models.fraud.FraudHistory;
import org.ridemarket.models.fraud.FraudRow;
import org.ridemarket.models.fraud.VelocityReplay;
import org.ridemarket.simulator.output.EncodedEvent;
import org.ridemarket.simulator.output.EventEmitter;
import org.ridemarket.simulator.output.EventSink;

/**
 * The handbook's first two weeks through the importer and the velocity topology into point-in-time rows (the path
 * of the fraud evaluation): chargebacks reach the rows only after they arrived, and then the compromised terminals
 * show. Skipped without the shared data.
 */
class HandbookReplayTest {

  private static final Path HANDBOOK = Path.of("../../shared/data/fraud-handbook/transactions_2018-04_2018-07.csv.gz");
  private static final Instant FIRST_LABEL = Instant.parse("2018-04-08T00:00:00Z");
  private static final Instant UNTIL = Instant.parse("2018-04-15T00:00:00Z");

  @Test
  void shouldShowChargebacksOnlyAfterTheyArrivedAndThenTheCompromisedTerminals() throws Exception {
    assumeTrue(Files.isRegularFile(HANDBOOK), "the handbook's transactions are not at " + HANDBOOK.toAbsolutePath()
        + " (see ../shared/data/SOURCES.md)");
    // given two weeks of payments and every chargeback due by then (7 days after its payment)
    FraudHistory history = new FraudHistory(new VelocityReplay(), Duration.ofDays(7));
    EventEmitter emitter = new EventEmitter(List.of(new Until(history, UNTIL.plus(Duration.ofDays(7)))));
    new HandbookImporter(Duration.ofDays(7), new ImportReport("handbook", new PrintStream(new ByteArrayOutputStream()),
        0)).importFile(HANDBOOK, emitter);
    emitter.close();

    List<FraudRow> rows = history.rows().stream().filter(row -> row.time() < UNTIL.toEpochMilli()).toList();

    // then the frauds carry the handbook's three scenarios
    assertThat(rows.stream().filter(FraudRow::fraud).map(FraudRow::pattern).distinct())
        .containsExactlyInAnyOrder(FraudPattern.HIGH_AMOUNT, FraudPattern.COMPROMISED_TERMINAL,
            FraudPattern.COMPROMISED_CARD);
    // and no payment before the first chargeback arrived sees any label
    List<FraudRow> firstWeek = rows.stream().filter(row -> row.time() < FIRST_LABEL.toEpochMilli()).toList();
    assertThat(firstWeek).hasSizeGreaterThan(50_000)
        .allSatisfy(row -> assertThat(value(row, "merchant_fraud_30d") + value(row, "card_fraud_30d")).isZero());
    // and in the second week the compromised terminals' frauds stand out by their terminal's known fraud
    List<FraudRow> secondWeek = rows.stream().filter(row -> row.time() >= FIRST_LABEL.toEpochMilli()).toList();
    double terminalFrauds = mean(secondWeek.stream()
        .filter(row -> row.fraud() && row.pattern() == FraudPattern.COMPROMISED_TERMINAL).toList());
    double legitimate = mean(secondWeek.stream().filter(row -> !row.fraud()).toList());
    assertThat(terminalFrauds).as("mean merchant_fraud_share_7d, legitimate: %s", legitimate).isGreaterThan(0.02)
        .isGreaterThan(10 * legitimate);
  }

  private static double mean(List<FraudRow> rows) {
    assertThat(rows).isNotEmpty();
    return rows.stream().mapToDouble(row -> value(row, "merchant_fraud_share_7d")).average().orElseThrow();
  }

  private static float value(FraudRow row, String name) {
    return row.features()[VelocityFeatures.NAMES.indexOf(name)];
  }

  /** Passes on events before a time, and closes the history at the end. */
  private record Until(FraudHistory history, Instant until) implements EventSink {

    @Override
    public void accept(EncodedEvent event) {
      if (event.eventTimeMillis() < until.toEpochMilli()) {
        history.accept(event);
      }
    }

    @Override
    public void close() {
      history.close();
    }
  }
}
