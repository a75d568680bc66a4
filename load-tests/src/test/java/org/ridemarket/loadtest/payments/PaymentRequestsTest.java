package org.ridemarket.loadtest.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ridemarket.simulator.city.CityBox;

class PaymentRequestsTest {

  @Test
  void shouldMakeEveryTransactionIdOfARunUniqueAndTagItWithTheRun() {
    // given
    PaymentRequests requests = PaymentRequests.midtown(42, "run-1");
    Set<String> ids = new HashSet<>();

    // when
    for (long stream = 0; stream < 2; stream++) {
      for (long n = 0; n < 20_000; n++) {
        ids.add(requests.request(stream, n).transactionId());
      }
    }

    // then
    assertThat(ids).hasSize(40_000).allMatch(id -> id.startsWith("tx-run-1-"));
    assertThat(PaymentRequests.midtown(42, "run-2").request(0, 0).transactionId())
        .isNotEqualTo(requests.request(0, 0).transactionId());
  }

  @Test
  void shouldRecurCardsUsersAndDevicesTogetherAndPayEitherATripOrAMerchant() {
    // given
    PaymentRequests requests = PaymentRequests.midtown(42, "r");
    Set<String> cards = new HashSet<>();
    int fares = 0;

    // when
    for (long n = 0; n < 50_000; n++) {
      PaymentRequest payment = requests.request(0, n);
      cards.add(payment.cardFingerprint());
      assertThat(payment.tripId() == null).isNotEqualTo(payment.merchantId() == null);
      assertThat(payment.amountMinor()).isGreaterThanOrEqualTo(300);
      assertThat(CityBox.MIDTOWN.contains(payment.lat(), payment.lon())).isTrue();
      fares += payment.tripId() != null ? 1 : 0;
    }

    // then some cards pay more than once, and about nine payments in ten are fares
    assertThat(cards.size()).isLessThan(50_000).isGreaterThan(10_000);
    assertThat(fares / 50_000.0).isBetween(0.88, 0.92);
  }

  @Test
  void shouldWriteTheServicesJsonWithoutACardNumber() {
    String json = new PaymentRequest("tx-r-0-1", "fp_0123456789abcdef", "usr_1", "dev_1", 1850, 40.75, -73.98,
        "trip-r-0-1", null).json();

    assertThat(json).isEqualTo("{\"transactionId\":\"tx-r-0-1\",\"cardFingerprint\":\"fp_0123456789abcdef\","
        + "\"userId\":\"usr_1\",\"deviceId\":\"dev_1\",\"amountMinor\":1850,\"currency\":\"USD\","
        + "\"location\":{\"lat\":40.750000,\"lon\":-73.980000},\"tripId\":\"trip-r-0-1\"}");
  }

  @Test
  void shouldRefuseARunIdThatWouldBreakTheJson() {
    assertThatThrownBy(() -> PaymentRequests.midtown(42, "a\"b")).hasMessageContaining("runId");
  }
}
