package org.ridemarket.loadtest.eta;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ridemarket.simulator.city.CityBox;

class EtaRequestsTest {

  @Test
  void shouldAskForTripsInsideTheCityAtLeastTwoHundredMetresLong() {
    // given
    EtaRequests requests = EtaRequests.midtown(42);

    // then
    for (long n = 0; n < 50_000; n++) {
      EtaRequest request = requests.request(1, n);
      assertThat(CityBox.MIDTOWN.contains(request.originLat(), request.originLon())).as("origin of %d", n).isTrue();
      assertThat(CityBox.MIDTOWN.contains(request.destinationLat(), request.destinationLon()))
          .as("destination of %d", n).isTrue();
      double dy = (request.destinationLat() - request.originLat()) * 111_132;
      double dx = (request.destinationLon() - request.originLon()) * 111_320 * Math.cos(Math.toRadians(40.7475));
      assertThat(Math.hypot(dx, dy)).as("length of %d", n).isGreaterThanOrEqualTo(EtaRequests.MIN_METRES);
    }
  }

  @Test
  void shouldAskTheSameQuestionsForTheSameSeed() {
    assertThat(EtaRequests.midtown(42).request(3, 17)).isEqualTo(EtaRequests.midtown(42).request(3, 17));
    assertThat(EtaRequests.midtown(42).request(3, 17)).isNotEqualTo(EtaRequests.midtown(43).request(3, 17));
    assertThat(EtaRequests.midtown(42).request(3, 17)).isNotEqualTo(EtaRequests.midtown(42).request(3, 18));
  }

  @Test
  void shouldWriteTheServicesJson() {
    assertThat(new EtaRequest(40.75, -73.98, 40.7512345678, -73.99).json()).isEqualTo(
        "{\"origin\":{\"lat\":40.750000,\"lon\":-73.980000},\"destination\":{\"lat\":40.751235,\"lon\":-73.990000}}");
  }
}
