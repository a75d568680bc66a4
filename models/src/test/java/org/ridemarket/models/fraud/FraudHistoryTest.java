package org.ridemarket.models.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.events.FraudLabel;
import org.ridemarket.contracts.events.FraudLabeled;
import org.ridemarket.contracts.events.FraudPattern;
import org.ridemarket.contracts.events.GeoPoint;
import org.ridemarket.contracts.events.LabelSource;
import org.ridemarket.contracts.events.PaymentAttempted;
import org.ridemarket.contracts.features.VelocityFeatures;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.simulator.output.EncodedEvent;

/** Point-in-time rows from the velocity topology, and the late labels joined to them. */
class FraudHistoryTest {

  private static final Instant T0 = Instant.parse("2026-11-02T12:00:00Z");
  private static final Duration WINDOW = Duration.ofDays(2);
  private static final String CARD = "fp_0a1b2c3d4e5f60718293";
  private static final String MERCHANT = "mer_1";

  @Test
  void shouldBuildEachRowFromTheVectorsBeforeThePaymentNotIncludingIt() {
    // given three payments of one card, user and device, ten seconds apart
    FraudHistory history = new FraudHistory(new VelocityReplay(), WINDOW);
    for (int i = 0; i < 3; i++) {
      history.accept(payment("tx-" + i, 200 + i, T0.plusSeconds(10L * i)));
    }
    // and a later event so that all three are past their label window
    history.accept(label("tx-unrelated", FraudLabel.FRAUD, T0, T0.plus(WINDOW).plusSeconds(60)));
    history.close();

    List<FraudRow> rows = history.rows();

    // then each row counts the payments before it, never itself
    assertThat(rows).extracting(FraudRow::transactionId).containsExactly("tx-0", "tx-1", "tx-2");
    assertThat(rows).extracting(row -> value(row, "card_" + VelocityFeatures.COUNT_1M)).containsExactly(0f, 1f, 2f);
    assertThat(rows).extracting(row -> value(row, "device_" + VelocityFeatures.COUNT_1M)).containsExactly(0f, 1f, 2f);
    assertThat(rows).extracting(row -> value(row, "card_" + VelocityFeatures.PAYMENTS_SEEN)).containsExactly(0f, 1f, 2f);
    assertThat(rows).extracting(row -> value(row, "card_" + VelocityFeatures.AMOUNT_1M))
        .containsExactly(0f, 200f, 401f);
    assertThat(rows).extracting(row -> value(row, VelocityFeatures.AMOUNT_MINOR)).containsExactly(200f, 201f, 202f);
    // the first payment has no vector at all, the second saw the first ten seconds earlier
    assertThat(value(rows.get(0), "card_seconds_since_last")).isNaN();
    assertThat(value(rows.get(1), "card_seconds_since_last")).isEqualTo(10f);
  }

  @Test
  void shouldLeaveOutPaymentsWhoseLabelWindowHasNotPassedAndTakeLateFraudLabels() {
    // given an old legitimate payment, an old fraud labelled days later, and a young unlabelled payment
    FraudHistory history = new FraudHistory(new VelocityReplay(), WINDOW);
    history.accept(payment("tx-old-legit", 1500, T0));
    history.accept(payment("tx-old-fraud", 9000, T0.plusSeconds(60)));
    Instant end = T0.plus(WINDOW).plusSeconds(120);
    history.accept(payment("tx-young", 1200, end.minus(Duration.ofHours(1))));
    history.accept(label("tx-old-fraud", FraudLabel.FRAUD, T0.plusSeconds(60), end));
    history.close();

    // then the young one is neither fraud nor legitimate: it has no row
    assertThat(history.payments()).isEqualTo(3);
    assertThat(history.rows()).extracting(FraudRow::transactionId, FraudRow::fraud, FraudRow::pattern)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("tx-old-legit", false, FraudPattern.NONE),
            org.assertj.core.groups.Tuple.tuple("tx-old-fraud", true, FraudPattern.STOLEN_CARD_BURST));
  }

  @Test
  void shouldShowALabelOnlyToTheRowsOfPaymentsAfterItArrived() {
    // given a fraud at a merchant, a payment there before its chargeback arrives, and one after
    FraudHistory history = new FraudHistory(new VelocityReplay(), WINDOW);
    history.accept(payment("tx-fraud", 9000, T0));
    history.accept(payment("tx-before", 1500, T0.plus(Duration.ofHours(20))));
    history.accept(label("tx-fraud", FraudLabel.FRAUD, T0, T0.plus(Duration.ofDays(1))));
    history.accept(payment("tx-after", 1500, T0.plus(Duration.ofDays(1)).plusSeconds(1)));
    history.accept(payment("tx-end", 100, T0.plus(WINDOW).plus(Duration.ofDays(2))));
    history.close();

    List<FraudRow> rows = history.rows();

    // then the payment scored before the arrival never sees the label, its own payment neither, the later one does
    assertThat(rows).extracting(FraudRow::transactionId).startsWith("tx-fraud", "tx-before", "tx-after");
    assertThat(rows.subList(0, 3)).extracting(row -> value(row, "merchant_fraud_1d")).containsExactly(0f, 0f, 1f);
    assertThat(rows.subList(0, 3)).extracting(row -> value(row, "card_fraud_7d")).containsExactly(0f, 0f, 1f);
    assertThat(value(rows.get(2), "merchant_fraud_share_1d")).as("1 label over the 1 payment of the day")
        .isEqualTo(1f);
    assertThat(value(rows.get(1), "merchant_count_24h")).as("the merchant's windows: the fraud").isEqualTo(1f);
  }

  @Test
  void shouldLetTheNewestLabelOfATransactionWinWhateverItsSource() {
    LateLabels labels = new LateLabels(WINDOW);
    long paid = T0.toEpochMilli();
    labels.accept(new FraudLabeled(UUID.randomUUID(), T0.plusSeconds(3_600), "tx", T0, FraudLabel.LEGIT,
        FraudPattern.NONE, LabelSource.ANALYST_REVIEW, null, null));
    // an analyst cleared it young; then a chargeback overrules the analyst
    assertThat(labels.outcome("tx", paid, paid + 7_200_000L)).hasValueSatisfying(o -> assertThat(o.fraud()).isFalse());
    labels.accept(new FraudLabeled(UUID.randomUUID(), T0.plus(Duration.ofDays(3)), "tx", T0, FraudLabel.FRAUD,
        FraudPattern.ACCOUNT_TAKEOVER, LabelSource.CHARGEBACK, null, null));
    assertThat(labels.outcome("tx", paid, paid + 7_200_000L)).hasValueSatisfying(o -> assertThat(o.fraud()).isTrue());
    // and silence about a young payment says nothing
    assertThat(labels.outcome("tx-other", paid, paid + 7_200_000L)).isEmpty();
  }

  private static float value(FraudRow row, String name) {
    return row.features()[VelocityFeatures.NAMES.indexOf(name)];
  }

  private static EncodedEvent payment(String transactionId, long amountMinor, Instant time) {
    PaymentAttempted payment = PaymentAttempted.newBuilder().setEventId(UUID.randomUUID()).setEventTime(time)
        .setTransactionId(transactionId).setCardFingerprint(CARD).setUserId("usr_1")
        .setDeviceId("dev_1").setAmountMinor(amountMinor).setCurrency("USD")
        .setLocation(new GeoPoint(40.758, -73.9855)).setMerchantId(MERCHANT).build();
    byte[] value = Topics.PAYMENTS.valueSerde().serializer().serialize(Topics.PAYMENTS.name(), payment);
    String key = payment.getCardFingerprint();
    return new EncodedEvent(Topics.PAYMENTS.name(), key, key.getBytes(), value, time.toEpochMilli());
  }

  private static EncodedEvent label(String transactionId, FraudLabel label, Instant paid, Instant known) {
    FraudLabeled event = new FraudLabeled(UUID.randomUUID(), known, transactionId, paid, label,
        label == FraudLabel.FRAUD ? FraudPattern.STOLEN_CARD_BURST : FraudPattern.NONE,
        label == FraudLabel.FRAUD ? LabelSource.CHARGEBACK : LabelSource.ANALYST_REVIEW, CARD, MERCHANT);
    byte[] value = Topics.FRAUD_LABELS.valueSerde().serializer().serialize(Topics.FRAUD_LABELS.name(), event);
    return new EncodedEvent(Topics.FRAUD_LABELS.name(), transactionId, transactionId.getBytes(), value,
        known.toEpochMilli());
  }
}
