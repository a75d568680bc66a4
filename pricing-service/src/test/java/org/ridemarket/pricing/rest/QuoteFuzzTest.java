package org.ridemarket.pricing.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ridemarket.pricing.QuoteApi;
import org.ridemarket.pricing.SurgeModelTestResource;
import org.ridemarket.service.rest.fuzz.BadBodies;
import org.ridemarket.service.rest.fuzz.BadBody;
import org.ridemarket.service.rest.fuzz.FuzzDriver;
import org.ridemarket.stack.LocalStackTestResource;

@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
@WithTestResource(SurgeModelTestResource.class)
class QuoteFuzzTest {

  @TestHTTPResource("/quotes")
  URL quotes;

  @Test
  void shouldRefuseTenThousandBadQuoteRequestsWithoutA5xx() throws Exception {
    // given bad bodies made from a valid quote request
    String valid = QuoteApi.body("rider-fuzz", 40.7549, -73.9840, 40.7527, -73.9772, "STANDARD");
    List<BadBody> bodies = new BadBodies(valid, 14).generate(10_000);

    // when
    FuzzDriver.Report report = new FuzzDriver().post(quotes.toURI(), Map.of(), bodies);

    // then
    assertThat(report.failures()).as("%s", report.failures().stream().limit(20).toList()).isEmpty();
    assertThat(report.sent()).as("%s", report.statuses()).isEqualTo(10_000);
  }
}
