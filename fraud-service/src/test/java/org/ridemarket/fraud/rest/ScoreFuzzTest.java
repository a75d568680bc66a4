package org.ridemarket.fraud.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Instant;
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
class ScoreFuzzTest {

  @TestHTTPResource("/payments/score")
  URL score;

  @Test
  void shouldRefuseTenThousandBadPaymentsWithoutA5xx() throws Exception {
    // given bad bodies made from a valid payment with every field, an event time among them
    String valid = FraudApi.body(FraudApi.fresh("tx-fuzz"), "fp-fuzz", "rider-fuzz", "dev-fuzz", 1850)
        .replace("\"tripId\"", "\"eventTime\": \"" + Instant.now() + "\", \"tripId\"");
    List<BadBody> bodies = new BadBodies(valid, 14).generate(10_000);

    // when
    FuzzDriver.Report report = new FuzzDriver().post(score.toURI(), Map.of("X-Api-Key", FraudApi.GATEWAY_KEY), bodies);

    // then
    assertThat(report.failures()).as("%s", report.failures().stream().limit(20).toList()).isEmpty();
    assertThat(report.sent()).as("%s", report.statuses()).isEqualTo(10_000);
  }
}
