package org.ridemarket.eta.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ridemarket.eta.EtaApi;
import org.ridemarket.eta.EtaModelTestResource;
import org.ridemarket.service.rest.fuzz.BadBodies;
import org.ridemarket.service.rest.fuzz.BadBody;
import org.ridemarket.service.rest.fuzz.FuzzDriver;
import org.ridemarket.stack.LocalStackTestResource;

@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
@WithTestResource(EtaModelTestResource.class)
class EtaFuzzTest {

  @TestHTTPResource("/eta")
  URL eta;

  @Test
  void shouldRefuseTenThousandBadEtaRequestsWithoutA5xx() throws Exception {
    // given bad bodies made from a valid request with every field, a departure time among them
    String valid = EtaApi.body(EtaApi.PENN_STATION, EtaApi.GRAND_CENTRAL, "trip-fuzz")
        .replace("\"tripId\"", "\"departureTime\": \"" + Instant.now() + "\", \"tripId\"");
    List<BadBody> bodies = new BadBodies(valid, 14).generate(10_000);

    // when
    FuzzDriver.Report report = new FuzzDriver().post(eta.toURI(), Map.of(), bodies);

    // then
    assertThat(report.failures()).as("%s", report.failures().stream().limit(20).toList()).isEmpty();
    assertThat(report.sent()).as("%s", report.statuses()).isEqualTo(10_000);
  }

  @Test
  void shouldRefuseABodyOverTheSizeLimitBeforeReadingIt() throws Exception {
    // given a body over service-support's default limit of 16 KB (a valid one, padded with an unknown field)
    String padded = EtaApi.body(EtaApi.PENN_STATION, EtaApi.GRAND_CENTRAL)
        .replace("{\"origin\"", "{\"pad\": \"" + "x".repeat(17 * 1024) + "\", \"origin\"");

    // when it is offered with "Expect: 100-continue", as a client should offer a large body: the server decides on the
    // headers alone. (Sent without it, the 413 comes with the connection closed and the body unread, and the reset
    // that follows can overtake the answer, as it did on Netty's epoll transport: the caller sees the connection drop.)
    HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(eta.toURI())
        .header("Content-Type", "application/json").expectContinue(true).POST(HttpRequest.BodyPublishers.ofString(padded)).build(),
        HttpResponse.BodyHandlers.ofString());

    // then
    assertThat(answer.statusCode()).isEqualTo(413);
  }
}
