package org.ridemarket.topologies.velocity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ridemarket.contracts.features.VelocityEntityType.CARD;
import static org.ridemarket.contracts.features.VelocityEntityType.DEVICE;
import static org.ridemarket.contracts.features.VelocityEntityType.USER;
import static org.ridemarket.contracts.features.VelocityFeatures.AMOUNT_1H;
import static org.ridemarket.contracts.features.VelocityFeatures.AMOUNT_1M;
import static org.ridemarket.contracts.features.VelocityFeatures.AMOUNT_24H;
import static org.ridemarket.contracts.features.VelocityFeatures.AVG_AMOUNT;
import static org.ridemarket.contracts.features.VelocityFeatures.COUNT_1H;
import static org.ridemarket.contracts.features.VelocityFeatures.COUNT_1M;
import static org.ridemarket.contracts.features.VelocityFeatures.COUNT_24H;
import static org.ridemarket.contracts.features.VelocityFeatures.DISTINCT_CARDS_24H;
import static org.ridemarket.contracts.features.VelocityFeatures.DISTINCT_DEVICES_24H;
import static org.ridemarket.contracts.features.VelocityFeatures.LAST_LAT;
import static org.ridemarket.contracts.features.VelocityFeatures.LAST_LON;
import static org.ridemarket.contracts.features.VelocityFeatures.LAST_PAYMENT_TIME;
import static org.ridemarket.contracts.features.VelocityFeatures.PAYMENTS_SEEN;
import static org.ridemarket.contracts.features.VelocityFeatures.PREV_LAT;
import static org.ridemarket.contracts.features.VelocityFeatures.PREV_LON;
import static org.ridemarket.contracts.features.VelocityFeatures.PREV_PAYMENT_TIME;
import static org.ridemarket.topologies.velocity.TestPayments.JFK;
import static org.ridemarket.topologies.velocity.TestPayments.TIMES_SQUARE;
import static org.ridemarket.topologies.velocity.TestPayments.payment;
import static org.ridemarket.topologies.velocity.VelocityTestDriver.T0;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.events.DeadLetter;
import org.ridemarket.contracts.events.GeoPoint;
import org.ridemarket.contracts.events.PaymentAttempted;
import org.ridemarket.contracts.features.VelocityFeatures;
import org.ridemarket.contracts.features.VelocitySnapshot;
import org.ridemarket.contracts.topics.Topics;

class VelocityTopologyTest {

  private static final String CARD_A = "fp_card_a";
  private static final String CARD_B = "fp_card_b";
  private static final String CARD_C = "fp_card_c";
  private static final String USER_1 = "user-1";
  private static final String DEVICE_1 = "device-1";

  private static Instant at(Duration offset) {
    return T0.plus(offset);
  }

  private static Duration s(long seconds) {
    return Duration.ofSeconds(seconds);
  }

  private static Duration h(long hours) {
    return Duration.ofHours(hours);
  }

  @Test
  void shouldCountAndSumACardsPaymentsAndLetEachWindowSlide() {
    try (VelocityTestDriver driver = new VelocityTestDriver()) {
      // given three payments within seconds
      driver.pay(payment(CARD_A, USER_1, DEVICE_1, 1000, at(s(1))));
      driver.pay(payment(CARD_A, USER_1, DEVICE_1, 2000, at(s(2))));
      driver.pay(payment(CARD_A, USER_1, DEVICE_1, 500, at(s(3))));
      assertThat(windows(driver.latest(CARD, CARD_A))).containsExactly(3, 3500, 3, 3500, 3, 3500);

      // when the card pays again two minutes later, then the first three left the minute only
      driver.pay(payment(CARD_A, USER_1, DEVICE_1, 700, at(s(125))));
      assertThat(windows(driver.latest(CARD, CARD_A))).containsExactly(1, 700, 4, 4200, 4, 4200);

      // two hours later they left the hour too
      driver.pay(payment(CARD_A, USER_1, DEVICE_1, 100, at(h(2).plusSeconds(5))));
      assertThat(windows(driver.latest(CARD, CARD_A))).containsExactly(1, 100, 1, 100, 5, 4300);

      // and a day after the first ones, the day window keeps only the payment of two hours in
      driver.pay(payment(CARD_A, USER_1, DEVICE_1, 50, at(h(24).plusMinutes(30))));
      assertThat(windows(driver.latest(CARD, CARD_A))).containsExactly(1, 50, 1, 50, 2, 150);
      assertThat(driver.deadLetters()).isEmpty();
    }
  }

  @Test
  void shouldEmitTheVectorsOfTheCardTheUserAndTheDeviceOfEveryPaymentAtItsEventTime() {
    try (VelocityTestDriver driver = new VelocityTestDriver()) {
      driver.pay(payment(CARD_A, USER_1, DEVICE_1, 1200, at(s(10))));
      driver.pay(payment(CARD_B, USER_1, "device-2", 800, at(s(20))));

      VelocitySnapshot card = driver.latest(CARD, CARD_A);
      assertThat(card.entityType()).isEqualTo(CARD);
      assertThat(card.entityId()).isEqualTo(CARD_A);
      assertThat(card.eventTime()).isEqualTo(at(s(10)).toEpochMilli());
      assertThat(windows(card)).containsExactly(1, 1200, 1, 1200, 1, 1200);
      assertThat(windows(driver.latest(USER, USER_1))).containsExactly(2, 2000, 2, 2000, 2, 2000);
      assertThat(windows(driver.latest(DEVICE, DEVICE_1))).containsExactly(1, 1200, 1, 1200, 1, 1200);
      assertThat(windows(driver.latest(DEVICE, "device-2"))).containsExactly(1, 800, 1, 800, 1, 800);
      assertThat(driver.timestampsOf(USER, USER_1)).containsExactly(at(s(10)).toEpochMilli(), at(s(20)).toEpochMilli());
      assertThat(driver.vectorCount()).isEqualTo(6);
    }
  }

  @Test
  void shouldCountDistinctDevicesPerCardAndCardsPerDeviceOverADay() {
    try (VelocityTestDriver driver = new VelocityTestDriver()) {
      // given a card on three devices, and a device shared by three cards
      driver.pay(payment(CARD_A, USER_1, "d1", 100, at(s(1))));
      driver.pay(payment(CARD_A, USER_1, "d2", 100, at(s(2))));
      driver.pay(payment(CARD_A, USER_1, "d1", 100, at(s(3))));
      driver.pay(payment(CARD_A, USER_1, "d3", 100, at(s(4))));
      driver.pay(payment(CARD_B, "user-2", "d1", 100, at(s(5))));
      driver.pay(payment(CARD_C, "user-3", "d1", 100, at(s(6))));

      // then each entity counts the others it paid with
      assertThat(distinct(driver.latest(CARD, CARD_A))).containsExactly(1, 3);
      assertThat(distinct(driver.latest(DEVICE, "d1"))).containsExactly(3, 1);
      assertThat(distinct(driver.latest(USER, USER_1))).containsExactly(1, 3);

      // when the card pays a day later on a fourth device, yesterday's devices have left the window
      driver.pay(payment(CARD_A, USER_1, "d4", 100, at(h(24).plusSeconds(10))));
      assertThat(distinct(driver.latest(CARD, CARD_A))).containsExactly(1, 1);
    }
  }

  @Test
  void shouldCarryTheTimeAndPlaceOfThePaymentBeforeTheCurrentOne() {
    try (VelocityTestDriver driver = new VelocityTestDriver()) {
      driver.pay(payment(CARD_A, USER_1, DEVICE_1, 1000, TIMES_SQUARE, at(s(10))));
      VelocitySnapshot first = driver.latest(CARD, CARD_A);
      assertThat(values(first, LAST_PAYMENT_TIME, LAST_LAT, LAST_LON))
          .containsExactly(at(s(10)).toEpochMilli(), TIMES_SQUARE.getLat(), TIMES_SQUARE.getLon());
      assertThat(values(first, PREV_PAYMENT_TIME, PREV_LAT, PREV_LON)).as("no payment before the first")
          .containsOnly(Double.NaN);

      // when the same card pays at JFK a minute later
      driver.pay(payment(CARD_A, USER_1, DEVICE_1, 1000, JFK, at(s(70))));

      // then the previous payment is the one at Times Square, and the latest the one at JFK
      VelocitySnapshot second = driver.latest(CARD, CARD_A);
      assertThat(values(second, PREV_PAYMENT_TIME, PREV_LAT, PREV_LON))
          .containsExactly(at(s(10)).toEpochMilli(), TIMES_SQUARE.getLat(), TIMES_SQUARE.getLon());
      assertThat(values(second, LAST_PAYMENT_TIME, LAST_LAT, LAST_LON))
          .containsExactly(at(s(70)).toEpochMilli(), JFK.getLat(), JFK.getLon());
      // 21 km in a minute: the impossible travel the fraud model looks for
      assertThat(VelocityFeatures.travelSpeedKmh(second.value(PREV_LAT), second.value(PREV_LON),
          (long) second.value(PREV_PAYMENT_TIME), second.value(LAST_LAT), second.value(LAST_LON),
          (long) second.value(LAST_PAYMENT_TIME))).isGreaterThan(1000);
    }
  }

  @Test
  void shouldKeepTheCardsRunningAverageBeyondItsWindows() {
    try (VelocityTestDriver driver = new VelocityTestDriver()) {
      driver.pay(payment(CARD_A, USER_1, DEVICE_1, 1000, at(s(1))));
      driver.pay(payment(CARD_A, USER_1, DEVICE_1, 3000, at(h(2))));
      driver.pay(payment(CARD_A, USER_1, DEVICE_1, 2000, at(h(5))));

      VelocitySnapshot card = driver.latest(CARD, CARD_A);
      assertThat(values(card, PAYMENTS_SEEN, AVG_AMOUNT, COUNT_1H, AMOUNT_1H)).containsExactly(3, 2000, 1, 2000);
    }
  }

  @Test
  void shouldCountALateEventWithinTheGracePeriodAndDeadLetterOneBeyondIt() {
    try (VelocityTestDriver driver = new VelocityTestDriver()) {
      driver.pay(payment(CARD_A, USER_1, DEVICE_1, 1000, at(s(180))));

      // a payment 90 s behind stream time: inside the 2-minute grace
      driver.pay(payment(CARD_A, USER_1, DEVICE_1, 400, at(s(90))));
      // a payment 150 s behind stream time: beyond it
      driver.pay(payment(CARD_A, USER_1, DEVICE_1, 9999, at(s(30))));

      // then the late one counts in the hour (not in the minute ending at the card's latest payment)
      VelocitySnapshot card = driver.latest(CARD, CARD_A);
      assertThat(values(card, COUNT_1M, COUNT_1H, AMOUNT_1H, AMOUNT_24H)).containsExactly(1, 2, 1400, 1400);
      // and it is the payment before the latest, which stays the latest
      assertThat(values(card, LAST_PAYMENT_TIME, PREV_PAYMENT_TIME))
          .containsExactly(at(s(180)).toEpochMilli(), at(s(90)).toEpochMilli());
      // its vector is 1 ms after the card's previous one, so a forward-only sink applies it
      long latest = at(s(180)).toEpochMilli();
      assertThat(driver.timestampsOf(CARD, CARD_A)).containsExactly(latest, latest + 1);
      assertThat(driver.vectorsOf(CARD, CARD_A)).extracting(VelocitySnapshot::eventTime)
          .containsExactly(latest, latest + 1);
      assertThat(driver.deadLetters()).singleElement().satisfies(letter -> {
        assertThat(letter.getReason()).isEqualTo("TOO_LATE");
        assertThat(letter.getDetail()).startsWith("eventTime: ").contains("150000 ms behind stream time");
        assertThat(letter.getSourceTopic()).isEqualTo("payments.events");
        assertThat(letter.getSourceOffset()).isEqualTo(2L);
      });
    }
  }

  @Test
  void shouldDeadLetterUndecodableBytesAndKeepProcessing() {
    try (VelocityTestDriver driver = new VelocityTestDriver()) {
      byte[] garbage = "{\"amount\": 12}".getBytes(StandardCharsets.UTF_8);

      driver.raw(CARD_A, garbage, at(s(1)));
      driver.pay(payment(CARD_A, USER_1, DEVICE_1, 1000, at(s(2))));

      assertThat(driver.deadLetters()).singleElement().satisfies(letter -> {
        assertThat(letter.getReason()).isEqualTo("DESERIALIZATION_FAILED");
        assertThat(letter.getApplication()).isEqualTo("feature-streams");
        assertThat(bytes(letter.getValue())).isEqualTo(garbage);
        assertThat(StandardCharsets.UTF_8.decode(letter.getKey()).toString()).isEqualTo(CARD_A);
        assertThat(letter.getDetail()).contains("payments.events");
      });
      assertThat(driver.latest(CARD, CARD_A).value(COUNT_1M)).isEqualTo(1.0);
    }
  }

  @Test
  void shouldDeadLetterInvalidPaymentsNamingTheFieldWithoutRepeatingACardNumber() {
    try (VelocityTestDriver driver = new VelocityTestDriver()) {
      PaymentAttempted negative = payment(CARD_A, USER_1, DEVICE_1, -5, at(s(1)));
      PaymentAttempted cardNumber = payment("4111 1111 1111 1111", USER_1, DEVICE_1, 100, at(s(1)));
      PaymentAttempted noDevice = payment(CARD_A, USER_1, " ", 100, at(s(1)));
      PaymentAttempted lowerCaseCurrency = payment(CARD_A, USER_1, DEVICE_1, 100, at(s(1)));
      lowerCaseCurrency.put("currency", "usd");
      PaymentAttempted badLatitude = payment(CARD_A, USER_1, DEVICE_1, 100, new GeoPoint(123.0, 0.0), at(s(1)));
      PaymentAttempted longUser = payment(CARD_A, "u".repeat(200), DEVICE_1, 100, at(s(1)));

      for (PaymentAttempted payment : new PaymentAttempted[] {
          negative, cardNumber, noDevice, lowerCaseCurrency, badLatitude, longUser}) {
        driver.pay(payment);
      }

      assertThat(driver.deadLetters()).extracting(letter -> letter.getReason() + " " + letter.getDetail())
          .containsExactly(
              "IMPOSSIBLE_VALUE amountMinor: -5 is negative",
              "INVALID cardFingerprint: looks like a card number (13-19 digits passing the Luhn check), not a"
                  + " fingerprint (key and value withheld)",
              "INVALID deviceId: missing",
              "INVALID currency: 'usd' is not an ISO 4217 code",
              "INVALID location.lat: 123.0 is not a latitude in -90..90",
              "INVALID userId: '" + "u".repeat(40) + "...' is longer than 128 characters");
      assertThat(driver.vectorCount()).isZero();
    }
  }

  @Test
  void shouldWithholdACardNumberFromItsDeadLetterWhateverTheReason() {
    try (VelocityTestDriver driver = new VelocityTestDriver()) {
      // given payments whose fingerprint is a raw card number, keyed by it as the gateway keys payments
      String number = "4111 1111 1111 1111";
      PaymentAttempted invalid = payment(number, USER_1, DEVICE_1, 100, at(s(1)));
      PaymentAttempted noTransaction = payment(number, USER_1, DEVICE_1, 100, at(s(1)));
      noTransaction.put("transactionId", "");
      PaymentAttempted compact = payment(number.replace(" ", ""), USER_1, DEVICE_1, 100, at(s(1)));

      // when they are rejected, for the card number or for another field reported first
      driver.pay(invalid);
      driver.pay(noTransaction);
      driver.pay(compact);
      // and undecodable bytes come keyed by a card number
      driver.raw(number, "not avro".getBytes(StandardCharsets.UTF_8), at(s(2)));

      // then no dead letter, key or value, carries the digits in any spelling
      List<TestRecord<String, DeadLetter>> letters = driver.deadLetterRecords();
      assertThat(letters).hasSize(4).allSatisfy(record -> {
        assertThat(record.key()).isNull();
        assertThat(record.value().getKey()).isNull();
        assertThat(record.value().getValue()).isNull();
        String written = new String(Topics.DEAD_LETTERS.valueSerde().serializer().serialize("t", record.value()),
            StandardCharsets.ISO_8859_1);
        assertThat(written.replace(" ", "").replace("-", "")).doesNotContain("4111111111111111");
        assertThat(record.value().getDetail()).doesNotContain("4111").endsWith("(key and value withheld)");
      });
      assertThat(letters).extracting(record -> record.value().getReason())
          .containsExactly("INVALID", "INVALID", "INVALID", "DESERIALIZATION_FAILED");
      assertThat(letters.get(1).value().getDetail()).isEqualTo("transactionId: missing (key and value withheld)");
      assertThat(letters).extracting(record -> record.value().getSourceOffset()).containsExactly(0L, 1L, 2L, 3L);
      assertThat(driver.vectorCount()).isZero();
    }
  }

  @Test
  void shouldKeepTheRecordOfAnInvalidPaymentWithAFingerprint() {
    try (VelocityTestDriver driver = new VelocityTestDriver()) {
      PaymentAttempted negative = payment(CARD_A, USER_1, DEVICE_1, -5, at(s(1)));

      driver.pay(negative);

      assertThat(driver.deadLetterRecords()).singleElement().satisfies(record -> {
        assertThat(record.key()).isEqualTo(CARD_A);
        assertThat(StandardCharsets.UTF_8.decode(record.value().getKey()).toString()).isEqualTo(CARD_A);
        assertThat(bytes(record.value().getValue()))
            .isEqualTo(Topics.PAYMENTS.valueSerde().serializer().serialize("t", negative));
      });
    }
  }

  @Test
  void shouldForgetAnEntityIdleForMoreThanThirtyDaysAndStartItOverWhenItComesBack() {
    try (VelocityTestDriver driver = new VelocityTestDriver()) {
      driver.pay(payment(CARD_A, USER_1, DEVICE_1, 1000, at(s(1))));
      driver.pay(payment(CARD_B, "user-2", "device-2", 500, at(h(24 * 29))));

      // when stream time moves past the idle timeout of card A (and its user and device), not of card B
      driver.pay(payment(CARD_B, "user-2", "device-2", 500, at(h(24 * 30).plusMinutes(10))));

      // then the sweep forgot the idle entities and kept the active ones
      assertThat(driver.entityStore().get("card:" + CARD_A)).isNull();
      assertThat(driver.entityStore().get("user:" + USER_1)).isNull();
      assertThat(driver.entityStore().get("device:" + DEVICE_1)).isNull();
      assertThat(driver.entityStore().get("card:" + CARD_B)).isNotNull();

      // and card A starts over when it pays again
      driver.pay(payment(CARD_A, USER_1, DEVICE_1, 3000, at(h(24 * 30).plusMinutes(11))));
      VelocitySnapshot card = driver.latest(CARD, CARD_A);
      assertThat(values(card, PAYMENTS_SEEN, AVG_AMOUNT, COUNT_24H)).containsExactly(1, 3000, 1);
      assertThat(card.value(PREV_PAYMENT_TIME)).isNaN();
    }
  }

  @Test
  void shouldSweepABoundedNumberOfEntitiesAtATimeAndGoOnWhereItStopped() {
    VelocitySettings defaults = VelocitySettings.defaults();
    VelocitySettings twoPerSweep = new VelocitySettings(defaults.grace(), defaults.maxFutureSkew(),
        defaults.idleTimeout(), Duration.ofMinutes(1), 2);
    try (VelocityTestDriver driver = new VelocityTestDriver(twoPerSweep)) {
      // given six idle entities (four cards, their user and device) and an active card
      for (int i = 0; i < 4; i++) {
        driver.pay(payment("fp_idle_" + i, USER_1, DEVICE_1, 100, at(s(i))));
      }
      driver.pay(payment(CARD_B, "user-2", "device-2", 500, at(h(24 * 30).plusMinutes(10))));
      assertThat(idleLeft(driver)).as("one sweep of two").isBetween(1L, 5L);

      // when a few more sweeps run, one per minute of stream time
      for (int minute = 1; minute <= 5; minute++) {
        driver.pay(payment(CARD_B, "user-2", "device-2", 500, at(h(24 * 30).plusMinutes(10 + minute))));
      }

      // then every idle entity is gone and the active ones stay
      assertThat(idleLeft(driver)).isZero();
      assertThat(driver.entityStore().approximateNumEntries()).isEqualTo(3);
    }
  }

  private static long idleLeft(VelocityTestDriver driver) {
    Set<String> active = Set.of("card:" + CARD_B, "user:user-2", "device:device-2");
    long idle = 0;
    try (KeyValueIterator<String, EntityState> all = driver.entityStore().all()) {
      while (all.hasNext()) {
        idle += active.contains(all.next().key) ? 0 : 1;
      }
    }
    return idle;
  }

  private static double[] windows(VelocitySnapshot vector) {
    return values(vector, COUNT_1M, AMOUNT_1M, COUNT_1H, AMOUNT_1H, COUNT_24H, AMOUNT_24H);
  }

  private static double[] distinct(VelocitySnapshot vector) {
    return values(vector, DISTINCT_CARDS_24H, DISTINCT_DEVICES_24H);
  }

  static double[] values(VelocitySnapshot vector, String... names) {
    double[] values = new double[names.length];
    for (int i = 0; i < names.length; i++) {
      values[i] = vector.value(names[i]);
    }
    return values;
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }
}
