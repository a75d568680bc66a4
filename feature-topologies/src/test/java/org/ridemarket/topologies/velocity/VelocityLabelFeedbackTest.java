package org.ridemarket.topologies.velocity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ridemarket.contracts.features.VelocityEntityType.CARD;
import static org.ridemarket.contracts.features.VelocityEntityType.MERCHANT;
import static org.ridemarket.contracts.features.VelocityEntityType.USER;
import static org.ridemarket.contracts.features.VelocityFeatures.AMOUNT_30D;
import static org.ridemarket.contracts.features.VelocityFeatures.AMOUNT_7D;
import static org.ridemarket.contracts.features.VelocityFeatures.COUNT_24H;
import static org.ridemarket.contracts.features.VelocityFeatures.COUNT_30D;
import static org.ridemarket.contracts.features.VelocityFeatures.COUNT_7D;
import static org.ridemarket.contracts.features.VelocityFeatures.FRAUD_1D;
import static org.ridemarket.contracts.features.VelocityFeatures.FRAUD_30D;
import static org.ridemarket.contracts.features.VelocityFeatures.FRAUD_7D;
import static org.ridemarket.topologies.velocity.VelocityTestDriver.T0;
import static org.ridemarket.topologies.velocity.VelocityTopologyTest.values;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.events.DeadLetter;
import org.ridemarket.contracts.events.FraudLabel;
import org.ridemarket.contracts.events.FraudLabeled;
import org.ridemarket.contracts.events.FraudPattern;
import org.ridemarket.contracts.events.LabelSource;
import org.ridemarket.contracts.events.PaymentAttempted;
import org.ridemarket.contracts.features.VelocitySnapshot;

/** Long windows, merchants, and FRAUD labels counted per card and merchant from the moment they arrive. */
class VelocityLabelFeedbackTest {

  private static final String CARD_A = "fp_card_a";
  private static final String CARD_B = "fp_card_b";
  private static final String MERCHANT_1 = "mer-1";

  private static Instant at(Duration offset) {
    return T0.plus(offset);
  }

  private static Duration d(long days) {
    return Duration.ofDays(days);
  }

  private static PaymentAttempted payment(String card, String merchant, long amount, Instant time) {
    return PaymentAttempted.newBuilder(TestPayments.payment(card, "user-" + card, "device-" + card, amount, time))
        .setTripId(null).setMerchantId(merchant).build();
  }

  private static FraudLabeled label(PaymentAttempted payment, FraudLabel label, Instant arrival) {
    return FraudLabeled.newBuilder().setEventId(UUID.randomUUID()).setEventTime(arrival)
        .setTransactionId(payment.getTransactionId()).setPaymentTime(payment.getEventTime()).setLabel(label)
        .setPattern(FraudPattern.COMPROMISED_TERMINAL).setSource(LabelSource.CHARGEBACK)
        .setCardFingerprint(payment.getCardFingerprint()).setMerchantId(payment.getMerchantId()).build();
  }

  @Test
  void shouldCountALabelForItsCardAndMerchantOnlyFromItsArrival() {
    try (VelocityTestDriver driver = new VelocityTestDriver()) {
      // given a fraudulent payment at a merchant, and other cards paying there before its chargeback arrives
      PaymentAttempted fraud = payment(CARD_A, MERCHANT_1, 10_000, at(d(0)));
      driver.pay(fraud);
      driver.pay(payment(CARD_B, MERCHANT_1, 2_000, at(d(3))));
      assertThat(values(driver.latest(MERCHANT, MERCHANT_1), FRAUD_1D, FRAUD_7D, FRAUD_30D))
          .as("before the label arrives nothing is known").containsOnly(0.0);

      // when the chargeback arrives a week after the payment
      driver.label(label(fraud, FraudLabel.FRAUD, at(d(7))));

      // then the card and the merchant each emit a vector at the label's arrival, counting it
      VelocitySnapshot merchant = driver.latest(MERCHANT, MERCHANT_1);
      assertThat(merchant.eventTime()).isEqualTo(at(d(7)).toEpochMilli());
      assertThat(values(merchant, FRAUD_1D, FRAUD_7D, FRAUD_30D)).containsExactly(1, 1, 1);
      assertThat(values(merchant, COUNT_24H, COUNT_7D, COUNT_30D)).as("its payments, as of the label")
          .containsExactly(0, 1, 2);
      assertThat(values(driver.latest(CARD, CARD_A), FRAUD_1D, FRAUD_7D, FRAUD_30D)).containsExactly(1, 1, 1);
      // and every vector before the arrival, the ones the earlier payments were scored with, still reads none
      assertThat(driver.vectorsOf(MERCHANT, MERCHANT_1)).hasSize(3);
      assertThat(driver.vectorsOf(MERCHANT, MERCHANT_1).subList(0, 2))
          .allSatisfy(vector -> assertThat(vector.value(FRAUD_30D)).isZero());
      assertThat(driver.vectorsOf(USER, "user-" + CARD_A)).as("a label is not a user's").hasSize(1);

      // and a later payment at the merchant carries the label in the windows that still hold it
      driver.pay(payment(CARD_B, MERCHANT_1, 2_000, at(d(9))));
      assertThat(values(driver.latest(MERCHANT, MERCHANT_1), FRAUD_1D, FRAUD_7D, FRAUD_30D))
          .containsExactly(0, 1, 1);
    }
  }

  @Test
  void shouldLetLabelsAndLongWindowsExpire() {
    try (VelocityTestDriver driver = new VelocityTestDriver()) {
      PaymentAttempted fraud = payment(CARD_A, MERCHANT_1, 10_000, at(d(0)));
      driver.pay(fraud);
      driver.pay(payment(CARD_A, MERCHANT_1, 3_000, at(d(1))));
      driver.label(label(fraud, FraudLabel.FRAUD, at(d(2))));

      // a week and an hour after the label (and the payments before it): only the 30-day windows hold them
      driver.pay(payment(CARD_A, MERCHANT_1, 500, at(d(9).plusHours(1))));
      VelocitySnapshot nineDays = driver.latest(CARD, CARD_A);
      assertThat(values(nineDays, FRAUD_1D, FRAUD_7D, FRAUD_30D)).containsExactly(0, 0, 1);
      assertThat(values(nineDays, COUNT_7D, AMOUNT_7D, COUNT_30D, AMOUNT_30D)).containsExactly(1, 500, 3, 13_500);

      // and 30 days and an hour after the label, the month forgot it and the first two payments too
      driver.pay(payment(CARD_A, MERCHANT_1, 700, at(d(32).plusHours(1))));
      VelocitySnapshot monthLater = driver.latest(MERCHANT, MERCHANT_1);
      assertThat(values(monthLater, FRAUD_1D, FRAUD_7D, FRAUD_30D)).containsOnly(0.0);
      assertThat(values(monthLater, COUNT_7D, COUNT_30D, AMOUNT_30D)).containsExactly(1, 2, 1_200);
    }
  }

  @Test
  void shouldIgnoreLegitLabelsAndLabelsNamingNoEntity() {
    try (VelocityTestDriver driver = new VelocityTestDriver()) {
      PaymentAttempted payment = payment(CARD_A, MERCHANT_1, 10_000, at(d(0)));
      driver.pay(payment);
      int before = driver.vectorCount();

      driver.label(label(payment, FraudLabel.LEGIT, at(d(1))));
      driver.label(FraudLabeled.newBuilder(label(payment, FraudLabel.FRAUD, at(d(1))))
          .setCardFingerprint(null).setMerchantId(null).build());

      assertThat(driver.vectorCount()).isEqualTo(before);
      assertThat(driver.deadLetters()).isEmpty();
    }
  }

  @Test
  void shouldDeadLetterALabelWithABadFieldNamingIt() {
    try (VelocityTestDriver driver = new VelocityTestDriver()) {
      PaymentAttempted payment = payment(CARD_A, MERCHANT_1, 10_000, at(d(0)));
      driver.pay(payment);

      driver.label(FraudLabeled.newBuilder(label(payment, FraudLabel.FRAUD, at(d(1))))
          .setMerchantId("m".repeat(200)).build());

      List<DeadLetter> letters = driver.deadLetters();
      assertThat(letters).singleElement().satisfies(letter -> {
        assertThat(letter.getReason()).isEqualTo("INVALID");
        assertThat(letter.getSourceTopic()).isEqualTo(VelocityTopology.LABELS);
        assertThat(letter.getDetail()).startsWith("merchantId:");
      });
      assertThat(values(driver.latest(CARD, CARD_A), FRAUD_30D)).containsExactly(0);
    }
  }

  @Test
  void shouldReadAStateWrittenBeforeTheLongWindowsExisted() {
    // given a state with one payment and one label, and the same bytes as format 1 wrote them: without the
    // tail format 2 appends (two tiers with one bucket each: 8 + 2 + 8 + 4 + 8 bytes; three empty label
    // tiers: 8 + 2 bytes; the latest label time: 8 bytes)
    EntityState state = new EntityState();
    state.record(new EntityPayment(CARD, 1, 2, 300, 40.7, -73.9, false), T0.toEpochMilli());
    byte[] current = state.toBytes();
    assertThat(EntityState.fromBytes(current).values()).containsExactly(state.values());
    byte[] formatOne = java.util.Arrays.copyOf(current, current.length - (2 * 30 + 3 * 10 + 8));
    formatOne[0] = 1;

    // when it is read, then the short windows hold and the long and label windows start empty
    double[] read = EntityState.fromBytes(formatOne).values();
    assertThat(values(new VelocitySnapshot(CARD, "c", T0.toEpochMilli(), read), COUNT_24H, COUNT_7D, FRAUD_30D))
        .containsExactly(1, 0, 0);
  }
}
