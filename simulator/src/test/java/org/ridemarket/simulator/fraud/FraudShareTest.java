package org.ridemarket.simulator.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ridemarket.contracts.events.FraudLabeled;
import org.ridemarket.contracts.events.FraudPattern;
import org.ridemarket.contracts.events.LabelSource;
import org.ridemarket.contracts.events.PaymentAttempted;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.simulator.SimulatorConfigBuilder;
import org.ridemarket.simulator.TestRuns;
import org.ridemarket.simulator.output.EncodedEvent;
import org.ridemarket.simulator.output.EventSink;
import org.ridemarket.simulator.progress.Snapshot;

class FraudShareTest {

  @TempDir
  Path dir;

  /** Keeps payments and labels only: a long run's pings would fill the heap. */
  private static final class PaymentSink implements EventSink {
    final List<PaymentAttempted> payments = new ArrayList<>();
    final List<FraudLabeled> labels = new ArrayList<>();

    @Override
    public void accept(EncodedEvent event) {
      if (event.topic().equals(Topics.PAYMENTS.name())) {
        payments.add(TestRuns.decode(Topics.PAYMENTS, event));
      } else if (event.topic().equals(Topics.FRAUD_LABELS.name())) {
        labels.add(TestRuns.decode(Topics.FRAUD_LABELS, event));
      }
    }

    @Override
    public void close() {
    }
  }

  private static SimulatorConfigBuilder busyAfternoon(Duration duration) {
    // Eight busy hours with twice the demand: thousands of payments.
    return TestRuns.config(duration).seed(3).demandScale(2).drivers(600)
        .start(TestRuns.MONDAY_MORNING.plus(Duration.ofHours(6)));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.02, 0.05})
  void shouldRealiseTheConfiguredFraudShare(double share) {
    // given
    PaymentSink sink = new PaymentSink();

    // when
    Snapshot end = TestRuns.run(busyAfternoon(Duration.ofHours(8)).fraudShare(share).build(), sink);

    // then
    assertThat(end.payments()).isGreaterThan(8_000).isEqualTo(sink.payments.size());
    assertThat(end.fraudShare()).isCloseTo(share, Offset.offset(0.0015));
  }

  @Test
  void shouldProduceEveryPatternAndRecordTheTruthOfEveryPayment() throws IOException {
    // given a run with labels delivered after an hour
    PaymentSink sink = new PaymentSink();
    Path truth = dir.resolve("truth.csv");

    // when
    Snapshot end = TestRuns.run(busyAfternoon(Duration.ofHours(4)).fraudShare(0.03)
        .labelDelay(LabelDelay.parse("1h")).groundTruth(truth).build(), sink);

    // then every pattern occurs
    assertThat(end.fraudByPattern()).containsOnlyKeys(FraudPattern.CARD_TESTING, FraudPattern.STOLEN_CARD_BURST,
        FraudPattern.ACCOUNT_TAKEOVER, FraudPattern.IMPOSSIBLE_TRAVEL, FraudPattern.FRAUD_RING);
    // and the ground truth has one line per payment, in payment order
    List<String> lines = Files.readAllLines(truth);
    assertThat(lines.get(0)).isEqualTo(GroundTruthWriter.HEADER);
    List<String[]> rows = lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
    assertThat(rows).extracting(r -> r[0]).containsExactlyElementsOf(
        sink.payments.stream().map(PaymentAttempted::getTransactionId).toList());
    assertThat(rows).filteredOn(r -> r[6].equals("FRAUD")).hasSize((int) end.fraudPayments())
        .allSatisfy(r -> assertThat(r[7]).isNotEqualTo("NONE"));
    assertThat(rows).filteredOn(r -> r[6].equals("LEGIT")).allSatisfy(r -> assertThat(r[7]).isEqualTo("NONE"));
    // and the chargebacks due so far name fraudulent payments with their pattern, an hour later
    Map<String, String[]> byTransaction = rows.stream().collect(Collectors.toMap(r -> r[0], Function.identity()));
    Map<String, PaymentAttempted> paymentById = sink.payments.stream()
        .collect(Collectors.toMap(PaymentAttempted::getTransactionId, Function.identity()));
    assertThat(sink.labels).hasSize((int) end.fraudPayments() - end.labelsPending()).isNotEmpty();
    assertThat(sink.labels).allSatisfy(label -> {
      assertThat(byTransaction.get(label.getTransactionId())[7]).isEqualTo(label.getPattern().name());
      assertThat(label.getSource()).isEqualTo(LabelSource.CHARGEBACK);
      assertThat(label.getPaymentTime()).isEqualTo(paymentById.get(label.getTransactionId()).getEventTime());
      assertThat(Duration.between(label.getPaymentTime(), label.getEventTime())).isEqualTo(Duration.ofHours(1));
    });
  }

  @Test
  void shouldMakeImpossibleTravelFarFromTheCardsPreviousPayment() {
    // given
    PaymentSink sink = new PaymentSink();
    Path truth = dir.resolve("truth.csv");

    // when
    TestRuns.run(busyAfternoon(Duration.ofHours(4)).fraudShare(0.05).groundTruth(truth).build(), sink);

    // then each impossible-travel payment is 50+ km from the card's last genuine payment, and farther
    // than anyone could travel in the time between them
    List<PaymentAttempted> payments = sink.payments;
    List<String> travelIds = readPatternIds(truth, "IMPOSSIBLE_TRAVEL");
    assertThat(travelIds).isNotEmpty();
    for (String id : travelIds) {
      int index = indexOf(payments, id);
      PaymentAttempted fraud = payments.get(index);
      PaymentAttempted before = null;
      for (int i = index - 1; i >= 0 && before == null; i--) {
        PaymentAttempted candidate = payments.get(i);
        if (candidate.getCardFingerprint().equals(fraud.getCardFingerprint()) && !travelIds.contains(
            candidate.getTransactionId())) {
          before = candidate;
        }
      }
      assertThat(before).isNotNull();
      double hours = Duration.between(before.getEventTime(), fraud.getEventTime()).toMillis() / 3_600_000.0;
      assertThat(kilometres(before, fraud)).isGreaterThan(50).isGreaterThan(250 * hours);
    }
  }

  private static List<String> readPatternIds(Path truth, String pattern) {
    try {
      return Files.readAllLines(truth).stream().skip(1).map(l -> l.split(",", -1))
          .filter(r -> r[7].equals(pattern)).map(r -> r[0]).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int indexOf(List<PaymentAttempted> payments, String transactionId) {
    for (int i = 0; i < payments.size(); i++) {
      if (payments.get(i).getTransactionId().equals(transactionId)) {
        return i;
      }
    }
    throw new AssertionError("no payment " + transactionId);
  }

  private static double kilometres(PaymentAttempted a, PaymentAttempted b) {
    double dLat = (a.getLocation().getLat() - b.getLocation().getLat()) * 111.1;
    double dLon = (a.getLocation().getLon() - b.getLocation().getLon()) * 111.1
        * Math.cos(Math.toRadians(a.getLocation().getLat()));
    return Math.hypot(dLat, dLon);
  }
}
