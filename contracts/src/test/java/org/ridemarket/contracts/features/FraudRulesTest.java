package org.ridemarket.contracts.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FraudRulesTest {

  @Test
  void shouldFireCardTestingOnTheThirdSmallPaymentWithinAMinute() {
    float[] row = row(Map.of("amount_minor", 300f, "card_count_1m", 2f));

    assertThat(FraudRules.firing(row)).containsExactly(FraudRules.CARD_TESTING_BURST);
    assertThat(FraudRules.CARD_TESTING_BURST.detail(row))
        .isEqualTo("card_count_1m=2 within 1 minute (>= 2), amount_minor=300 (<= 500)");
  }

  @Test
  void shouldNotFireCardTestingOnALargePayment() {
    assertThat(FraudRules.firing(row(Map.of("amount_minor", 2500f, "card_count_1m", 2f)))).isEmpty();
  }

  @Test
  void shouldFireImpossibleTravelAndNameTheSpeed() {
    float[] row = row(Map.of("amount_minor", 1800f, "card_speed_kmh_from_last", 4321.5f));

    assertThat(FraudRules.firing(row)).containsExactly(FraudRules.IMPOSSIBLE_TRAVEL);
    assertThat(FraudRules.IMPOSSIBLE_TRAVEL.detail(row)).isEqualTo("card_speed_kmh_from_last=4321.5 (> 900 km/h)");
  }

  @Test
  void shouldFireOnADeviceWithManyCardsAndOnALargeBurst() {
    float[] row = row(Map.of("amount_minor", 4500f, "card_count_1h", 3f, "device_distinct_cards_24h", 4f));

    assertThat(FraudRules.firing(row)).containsExactly(FraudRules.DEVICE_MANY_CARDS, FraudRules.LARGE_PAYMENT_BURST);
  }

  @Test
  void shouldNeverFireOnMissingValues() {
    float[] row = new float[VelocityFeatures.NAMES.size()];
    Arrays.fill(row, Float.NaN);

    assertThat(FraudRules.anyFiresOn(row)).isFalse();
  }

  private static float[] row(Map<String, Float> values) {
    float[] row = new float[VelocityFeatures.NAMES.size()];
    values.forEach((name, value) -> row[VelocityFeatures.NAMES.indexOf(name)] = value);
    return row;
  }
}
