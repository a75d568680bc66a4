package org.ridemarket.loadtest.quotes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ridemarket.simulator.city.CityBox;

class QuoteRequestsTest {

  private static final String NUMBER = "-?\\d+\\.\\d{6}";

  @Test
  void shouldPickUpAndDropOffInsideTheSimulatorsCity() {
    // given
    QuoteRequests requests = QuoteRequests.midtown(42);

    // then
    for (long n = 0; n < 100_000; n++) {
      QuoteRequest request = requests.request(1, n);
      assertThat(CityBox.MIDTOWN.contains(request.pickupLat(), request.pickupLon())).as("pickup of %d", n).isTrue();
      assertThat(CityBox.MIDTOWN.contains(request.dropoffLat(), request.dropoffLon())).as("dropoff of %d", n).isTrue();
    }
  }

  @Test
  void shouldCoverTheWholeBoxNotACorner() {
    // given
    QuoteRequests requests = QuoteRequests.midtown(42);
    CityBox box = CityBox.MIDTOWN;
    double minLat = 90;
    double maxLat = -90;
    double minLon = 180;
    double maxLon = -180;

    // when
    for (long n = 0; n < 10_000; n++) {
      QuoteRequest request = requests.request(0, n);
      minLat = Math.min(minLat, request.pickupLat());
      maxLat = Math.max(maxLat, request.pickupLat());
      minLon = Math.min(minLon, request.pickupLon());
      maxLon = Math.max(maxLon, request.pickupLon());
    }

    // then every edge is approached within 1 % of the box
    double latSpan = box.maxLat() - box.minLat();
    double lonSpan = box.maxLon() - box.minLon();
    assertThat(minLat - box.minLat()).isLessThan(latSpan / 100);
    assertThat(box.maxLat() - maxLat).isLessThan(latSpan / 100);
    assertThat(minLon - box.minLon()).isLessThan(lonSpan / 100);
    assertThat(box.maxLon() - maxLon).isLessThan(lonSpan / 100);
  }

  @Test
  void shouldAskTheSameQuestionsForTheSameSeedAndOthersForAnother() {
    // given
    QuoteRequests a = QuoteRequests.midtown(42);
    QuoteRequests b = QuoteRequests.midtown(42);
    QuoteRequests c = QuoteRequests.midtown(43);

    // then the n-th request of a stream depends on nothing else
    assertThat(a.request(3, 17)).isEqualTo(b.request(3, 17));
    assertThat(a.request(3, 17)).isNotEqualTo(c.request(3, 17));
    assertThat(a.request(3, 17)).isNotEqualTo(a.request(4, 17));
    assertThat(a.request(3, 17)).isNotEqualTo(a.request(3, 18));
  }

  @Test
  void shouldMixProductsAndRiders() {
    // given
    QuoteRequests requests = QuoteRequests.midtown(42);
    Map<String, Integer> products = new HashMap<>();
    Set<String> riders = new HashSet<>();

    // when
    for (long n = 0; n < 20_000; n++) {
      QuoteRequest request = requests.request(0, n);
      products.merge(request.product(), 1, Integer::sum);
      riders.add(request.riderId());
      assertThat(request.riderId()).matches("usr_[0-9a-f]{12}");
    }

    // then about 70 / 20 / 10 %, and thousands of riders, some of them asking twice
    assertThat(products.keySet()).containsExactlyInAnyOrderElementsOf(QuoteRequests.products());
    assertThat(products.get("STANDARD")).isBetween(13_600, 14_400);
    assertThat(products.get("XL")).isBetween(3_700, 4_300);
    assertThat(products.get("PREMIUM")).isBetween(1_800, 2_200);
    assertThat(riders.size()).isBetween(8_000, QuoteRequests.DEFAULT_RIDERS);
  }

  @Test
  void shouldWriteThePricingServicesRequestBody() {
    // given
    QuoteRequest request = new QuoteRequest("usr_0123456789ab", 40.7549, -73.984, 40.74, -74.0, "XL");

    // then
    assertThat(request.json()).isEqualTo("{\"riderId\":\"usr_0123456789ab\",\"pickup\":{\"lat\":40.754900,"
        + "\"lon\":-73.984000},\"dropoff\":{\"lat\":40.740000,\"lon\":-74.000000},\"product\":\"XL\"}");
    assertThat(QuoteRequests.midtown(1).request(0, 0).json()).matches("\\{\"riderId\":\"usr_[0-9a-f]{12}\","
        + "\"pickup\":\\{\"lat\":" + NUMBER + ",\"lon\":" + NUMBER + "},\"dropoff\":\\{\"lat\":" + NUMBER
        + ",\"lon\":" + NUMBER + "},\"product\":\"(STANDARD|XL|PREMIUM)\"}");
  }
}
