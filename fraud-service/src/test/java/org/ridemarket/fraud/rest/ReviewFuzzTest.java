package org.ridemarket.fraud.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ridemarket.fraud.FraudApi;
import org.ridemarket.service.rest.fuzz.BadBodies;
import org.ridemarket.service.rest.fuzz.BadBody;
import org.ridemarket.service.rest.fuzz.FuzzDriver;
import org.ridemarket.stack.LocalStackTestResource;

@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class ReviewFuzzTest {

  @TestHTTPResource("/reviews/tx-fuzz-none/take")
  URL take;

  @TestHTTPResource("/reviews/tx-fuzz-none/label")
  URL label;

  @Test
  void shouldRefuseTenThousandBadTakesWithoutA5xx() throws Exception {
    // given bad bodies made from a valid take
    List<BadBody> bodies = new BadBodies("{\"analyst\": \"analyst-fuzz\"}", 14).generate(10_000);

    // when
    FuzzDriver.Report report = new FuzzDriver().post(take.toURI(), Map.of("X-Api-Key", FraudApi.ANALYST_KEY), bodies);

    // then
    assertThat(report.failures()).as("%s", report.failures().stream().limit(20).toList()).isEmpty();
    assertThat(report.sent()).as("%s", report.statuses()).isEqualTo(10_000);
  }

  @Test
  void shouldRefuseTenThousandBadLabelsWithoutA5xx() throws Exception {
    // given bad bodies made from a valid label with a pattern
    String valid = "{\"analyst\": \"analyst-fuzz\", \"label\": \"FRAUD\", \"pattern\": \"CARD_TESTING\"}";
    List<BadBody> bodies = new BadBodies(valid, 15).generate(10_000);

    // when
    FuzzDriver.Report report = new FuzzDriver().post(label.toURI(), Map.of("X-Api-Key", FraudApi.ANALYST_KEY), bodies);

    // then
    assertThat(report.failures()).as("%s", report.failures().stream().limit(20).toList()).isEmpty();
    assertThat(report.sent()).as("%s", report.statuses()).isEqualTo(10_000);
  }
}
