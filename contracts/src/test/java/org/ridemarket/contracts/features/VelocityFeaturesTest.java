package org.ridemarket.contracts.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.SampleEvents;
import org.ridemarket.contracts.events.GeoPoint;
import org.ridemarket.contracts.events.PaymentAttempted;
import org.ridemarket.contracts.topics.Topics;

class VelocityFeaturesTest {

  private static final double TIMES_SQUARE_TO_GRAND_CENTRAL_KM = 0.914;

  @Test
  void shouldKeepTheReleasedOrderOfEntityValuesAndScoringFeatures() {
    // the Avro schema and a model's signature pin these orders: changing one feeds values to the wrong inputs
    assertThat(VelocityFeatures.ENTITY_VALUES).containsExactly(
        "count_1m", "amount_1m", "count_1h", "amount_1h", "count_24h", "amount_24h",
        "distinct_cards_24h", "distinct_devices_24h", "last_payment_time", "last_lat", "last_lon",
        "prev_payment_time", "prev_lat", "prev_lon", "payments_seen", "avg_amount",
        "count_7d", "amount_7d", "count_30d", "amount_30d", "fraud_1d", "fraud_7d", "fraud_30d");
    assertThat(VelocityFeatures.NAMES).containsExactly(
        "amount_minor",
        "card_count_1m", "card_amount_1m", "card_count_1h", "card_amount_1h", "card_count_24h", "card_amount_24h",
        "user_count_1m", "user_amount_1m", "user_count_1h", "user_amount_1h", "user_count_24h", "user_amount_24h",
        "device_count_1m", "device_amount_1m", "device_count_1h", "device_amount_1h", "device_count_24h",
        "device_amount_24h",
        "card_distinct_devices_24h", "device_distinct_cards_24h", "user_distinct_cards_24h",
        "user_distinct_devices_24h",
        "card_seconds_since_last", "card_speed_kmh_from_last", "user_seconds_since_last",
        "user_speed_kmh_from_last", "device_seconds_since_last", "device_speed_kmh_from_last",
        "card_payments_seen", "amount_over_card_avg",
        "card_count_7d", "card_amount_7d", "card_count_30d", "card_amount_30d",
        "user_count_7d", "user_amount_7d", "user_count_30d", "user_amount_30d",
        "merchant_count_1m", "merchant_amount_1m", "merchant_count_1h", "merchant_amount_1h", "merchant_count_24h",
        "merchant_amount_24h", "merchant_count_7d", "merchant_amount_7d", "merchant_count_30d",
        "merchant_amount_30d",
        "card_fraud_1d", "card_fraud_7d", "card_fraud_30d",
        "card_fraud_share_1d", "card_fraud_share_7d", "card_fraud_share_30d",
        "merchant_fraud_1d", "merchant_fraud_7d", "merchant_fraud_30d",
        "merchant_fraud_share_1d", "merchant_fraud_share_7d", "merchant_fraud_share_30d",
        "amount_over_card_mean_7d", "amount_over_card_mean_30d");
  }

  @Test
  void shouldNameAnAvroFieldForEveryEntityValueInOrder() {
    Schema schema = VelocityVector.getClassSchema();

    assertThat(schema.getFields()).extracting(Schema.Field::name).startsWith("entityType", "entityId", "eventTime")
        .endsWith(VelocityFeatures.ENTITY_VALUES.toArray(String[]::new))
        .hasSize(VelocityFeatures.ENTITY_VALUES.size() + 3);
    assertThat(schema.getField("entityType").schema().getEnumDefault()).isEqualTo("UNKNOWN");
  }

  @Test
  void shouldKeyTheTopicAndTheRedisHashByEntityTypeAndId() {
    assertThat(VelocityFeatures.recordKey(VelocityEntityType.CARD, "fp_1")).isEqualTo("card:fp_1");
    assertThat(VelocityFeatures.redisKey(VelocityEntityType.CARD, "fp_1")).isEqualTo("features:vel:card:fp_1");
    assertThat(VelocityFeatures.redisKey(VelocityEntityType.USER, "rider-1")).isEqualTo("features:vel:user:rider-1");
    assertThat(VelocityFeatures.redisKey(VelocityEntityType.DEVICE, "dev:1")).isEqualTo("features:vel:device:dev:1");
    assertThatThrownBy(() -> VelocityFeatures.recordKey(VelocityEntityType.UNKNOWN, "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Topics.VELOCITY_FEATURES.name()).isEqualTo("features.velocity");
    assertThat(Topics.VELOCITY_FEATURES.compacted()).isTrue();
  }

  @Test
  void shouldRoundTripThroughTheRedisHashKeepingMissingValuesAsNaN() {
    double[] values = VelocitySnapshot.fromAvro(SampleEvents.velocityVector()).values();
    values[VelocityFeatures.indexOf(VelocityFeatures.PREV_LAT)] = Double.NaN;
    VelocitySnapshot snapshot = new VelocitySnapshot(VelocityEntityType.USER, "rider-1", 1_793_620_800_000L, values);

    Map<String, String> hash = snapshot.toRedisHash(1_793_620_801_000L);

    assertThat(hash).containsEntry("event_time", "1793620800000").containsEntry("updated_at", "1793620801000")
        .containsEntry("prev_lat", "NaN").containsEntry("amount_1h", "2725.0")
        .hasSize(VelocityFeatures.ENTITY_VALUES.size() + 2);
    assertThat(VelocitySnapshot.fromRedisHash(VelocityEntityType.USER, "rider-1", hash)).isEqualTo(snapshot);
  }

  @Test
  void shouldRoundTripThroughAvroAndTheTopicSerde() {
    VelocityVector vector = SampleEvents.velocityVector();
    var serde = Topics.VELOCITY_FEATURES.valueSerde();

    VelocityVector read = serde.deserializer().deserialize("t", serde.serializer().serialize("t", vector));

    VelocitySnapshot snapshot = VelocitySnapshot.fromAvro(read);
    assertThat(snapshot.recordKey()).isEqualTo("card:fp_0a1b2c3d4e5f60718293");
    assertThat(snapshot.value(VelocityFeatures.AMOUNT_24H)).isEqualTo(8100.0);
    assertThat(snapshot.toAvro()).isEqualTo(vector);
  }

  @Test
  void shouldNameTheFieldAHashLacks() {
    Map<String, String> hash = new HashMap<>(VelocitySnapshot.fromAvro(SampleEvents.velocityVector()).toRedisHash(0));
    hash.remove("distinct_devices_24h");

    assertThatThrownBy(() -> VelocitySnapshot.fromRedisHash(VelocityEntityType.CARD, "fp", hash))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("distinct_devices_24h");
  }

  @Test
  void shouldMeasureDistancesAndTheSpeedNeededBetweenTwoPayments() {
    assertThat(VelocityFeatures.distanceKm(40.0, -73.0, 41.0, -73.0)).isCloseTo(111.195, within(0.001));
    assertThat(VelocityFeatures.distanceKm(40.7580, -73.9855, 40.7527, -73.9772))
        .isCloseTo(TIMES_SQUARE_TO_GRAND_CENTRAL_KM, within(0.005));
    assertThat(VelocityFeatures.travelSpeedKmh(40.0, -73.0, 0, 41.0, -73.0, 3_600_000))
        .isCloseTo(111.195, within(0.001));
    assertThat(VelocityFeatures.travelSpeedKmh(40.0, -73.0, 5_000, 41.0, -73.0, 5_000))
        .as("the same instant counts as one second").isCloseTo(111.195 * 3600, within(1.0));
    assertThat(VelocityFeatures.amountOverAverage(3300, 1650)).isEqualTo(2.0);
    assertThat(VelocityFeatures.amountOverAverage(0, 0)).isZero();
  }

  @Test
  void shouldScoreAPaymentAgainstTheVectorsItsEntitiesHadBefore() {
    // given a card whose latest payment was at Grand Central at T0, and a user and device never seen
    VelocitySnapshot card = VelocitySnapshot.fromAvro(SampleEvents.velocityVector());
    PaymentAttempted payment = PaymentAttempted.newBuilder(SampleEvents.payment())
        .setEventTime(SampleEvents.payment().getEventTime().plusSeconds(120)).setAmountMinor(3300L)
        .setLocation(new GeoPoint(40.7580, -73.9855)).build();

    // when the payment is scored two minutes later at Times Square
    double[] row = VelocityScoring.values(payment, card, null, null, null);

    // then the minute window has emptied, the longer ones hold, and the card's latest payment is compared
    assertThat(row).hasSize(VelocityFeatures.NAMES.size());
    assertThat(values(row, "amount_minor", "card_count_1m", "card_amount_1m", "card_count_1h", "card_amount_24h",
        "card_distinct_devices_24h", "card_seconds_since_last", "card_payments_seen", "amount_over_card_avg"))
        .containsExactly(3300.0, 0.0, 0.0, 2.0, 8100.0, 2.0, 120.0, 9.0, 2.0);
    assertThat(value(row, "card_speed_kmh_from_last")).isCloseTo(TIMES_SQUARE_TO_GRAND_CENTRAL_KM * 30, within(0.2));
    assertThat(values(row, "user_count_24h", "device_distinct_cards_24h", "user_distinct_devices_24h"))
        .containsOnly(0.0);
    assertThat(values(row, "user_seconds_since_last", "device_speed_kmh_from_last")).containsOnly(Double.NaN);
  }

  @Test
  void shouldEmptyTheDayWindowOfAVectorADayOld() {
    VelocitySnapshot card = VelocitySnapshot.fromAvro(SampleEvents.velocityVector());
    PaymentAttempted nextDay = PaymentAttempted.newBuilder(SampleEvents.payment())
        .setEventTime(SampleEvents.payment().getEventTime().plus(VelocityFeatures.ONE_DAY)).build();

    double[] row = VelocityScoring.values(nextDay, card, null, null, null);

    assertThat(values(row, "card_count_24h", "card_amount_24h", "card_distinct_devices_24h")).containsOnly(0.0);
    assertThat(value(row, "card_payments_seen")).as("the running count does not expire with a window").isEqualTo(9.0);
  }

  @Test
  void shouldReadLongWindowsAndLabelFeedbackOfTheCardAndTheMerchant() {
    // given the sample card (5 payments today, 8 this week, 9 this month; 1 fraud label today, 1 this week,
    // 2 this month) and a merchant with the same vector
    VelocitySnapshot card = VelocitySnapshot.fromAvro(SampleEvents.velocityVector());
    VelocitySnapshot merchant = new VelocitySnapshot(VelocityEntityType.MERCHANT, "mer-1", card.eventTime(),
        card.values());
    PaymentAttempted payment = PaymentAttempted.newBuilder(SampleEvents.payment())
        .setEventTime(SampleEvents.payment().getEventTime().plusSeconds(60)).build();

    // when a payment is scored a minute later
    double[] row = VelocityScoring.values(payment, card, null, null, merchant);

    // then both read their long windows, label counts and shares of the same windows' payments
    assertThat(values(row, "card_count_7d", "card_amount_7d", "card_count_30d", "card_amount_30d"))
        .containsExactly(8.0, 13000.0, 9.0, 14650.0);
    for (String prefix : new String[] {"card_", "merchant_"}) {
      assertThat(values(row, prefix + "fraud_1d", prefix + "fraud_7d", prefix + "fraud_30d")).as(prefix)
          .containsExactly(1.0, 1.0, 2.0);
      assertThat(values(row, prefix + "fraud_share_1d", prefix + "fraud_share_7d", prefix + "fraud_share_30d"))
          .as(prefix).containsExactly(1.0 / 5, 1.0 / 8, 2.0 / 9);
    }
    assertThat(value(row, "merchant_count_24h")).isEqualTo(5.0);
    assertThat(values(row, "user_count_7d", "user_count_30d")).containsOnly(0.0);
    // and the payment's 1,475 over the card's mean of each window: 13,000 / 8 this week, 14,650 / 9 this month
    assertThat(values(row, "amount_over_card_mean_7d", "amount_over_card_mean_30d"))
        .containsExactly(1475 / (13000.0 / 8), 1475 / (14650.0 / 9));
  }

  @Test
  void shouldLeaveTheAmountOverAnEmptyWindowsMeanUnknown() {
    double[] unknownCard = VelocityScoring.values(SampleEvents.payment(), null, null, null, null);

    assertThat(values(unknownCard, "amount_over_card_mean_7d", "amount_over_card_mean_30d")).containsOnly(Double.NaN);
    assertThat(VelocityFeatures.amountOverWindowMean(500, 0, 0)).isNaN();
    assertThat(VelocityFeatures.amountOverWindowMean(500, 0.5, 2)).as("a mean of at least 1 minor unit")
        .isEqualTo(500.0);
  }

  @Test
  void shouldEmptyTheWeekWindowsButKeepTheMonthAfterEightDays() {
    VelocitySnapshot card = VelocitySnapshot.fromAvro(SampleEvents.velocityVector());
    PaymentAttempted later = PaymentAttempted.newBuilder(SampleEvents.payment())
        .setEventTime(SampleEvents.payment().getEventTime().plus(java.time.Duration.ofDays(8))).build();

    double[] row = VelocityScoring.values(later, card, null, null, card);

    assertThat(values(row, "card_count_7d", "card_fraud_1d", "card_fraud_7d", "merchant_fraud_share_7d"))
        .containsOnly(0.0);
    assertThat(values(row, "card_count_30d", "card_fraud_30d", "merchant_fraud_30d")).containsExactly(9.0, 2.0, 2.0);
    assertThat(value(row, "amount_over_card_mean_7d")).as("the week emptied").isNaN();
    assertThat(value(row, "amount_over_card_mean_30d")).isEqualTo(1475 / (14650.0 / 9));
  }

  @Test
  void shouldCapTheFraudShareAtOneAndCountAtLeastOnePayment() {
    assertThat(VelocityFeatures.fraudShare(3, 1)).isEqualTo(1.0);
    assertThat(VelocityFeatures.fraudShare(1, 0)).isEqualTo(1.0);
    assertThat(VelocityFeatures.fraudShare(0, 0)).isZero();
    assertThat(VelocityFeatures.fraudShare(1, 4)).isEqualTo(0.25);
  }

  private static double value(double[] row, String name) {
    return row[VelocityFeatures.NAMES.indexOf(name)];
  }

  private static double[] values(double[] row, String... names) {
    double[] values = new double[names.length];
    for (int i = 0; i < names.length; i++) {
      values[i] = value(row, names[i]);
    }
    return values;
  }
}
