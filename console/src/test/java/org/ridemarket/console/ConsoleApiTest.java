package org.ridemarket.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The console's HTTP edge without Kafka or services: the page, the feeds' shapes, and refused input. */
@QuarkusTest
class ConsoleApiTest {

  @TestHTTPResource("/")
  URI base;

  @Test
  void shouldServeThePageAndItsScriptWithoutAnyCdn() {
    String page = given().when().get("/").then().statusCode(200).extract().asString();
    assertThat(page).contains("Surge map", "Review queue", "console.js").doesNotContain("https://", "http://");
    given().when().get("/console.js").then().statusCode(200).body(containsString("EventSource"));
  }

  @Test
  void shouldServeTheStreetsOfTheExtractWithTheirAttribution() {
    given().when().get("/api/streets").then().statusCode(200)
        .body("attribution", equalTo("© OpenStreetMap contributors"))
        .body("features.properties.highway", hasItem("primary"));
  }

  @Test
  void shouldStreamTheCityAsServerSentEvents() throws Exception {
    // when a page opens the live feed
    HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/surge/stream")).timeout(Duration.ofSeconds(10))
        .header("Accept", "text/event-stream").build();
    HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());

    // then it is an event stream whose first event is every cell of the city, with its hexagon
    assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(type ->
        assertThat(type).startsWith("text/event-stream"));
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String line;
      do {
        line = lines.readLine();
      } while (line != null && !line.startsWith("data:"));
      assertThat(line).startsWith("data:[{\"cell\":\"88").contains("\"boundary\":[[40.7");
    }
  }

  @Test
  void shouldRefuseBadReviewCallsWithTheFieldAndNeverCallFraudService() {
    given().when().get("/api/reviews").then().statusCode(400).body("errors.field", hasItem("X-Api-Key"));
    given().header("X-Api-Key", "k").queryParam("state", "NONE").when().get("/api/reviews")
        .then().statusCode(400).body("errors.field", hasItem("state"));
    given().header("X-Api-Key", "k").queryParam("limit", "5000").when().get("/api/reviews")
        .then().statusCode(400).body("errors.field", hasItem("limit"));
    given().header("X-Api-Key", "k").body("{\"analyst\":\"ana\"}").when().post("/api/reviews/tx 1/take")
        .then().statusCode(400).body("errors.field", hasItem("transactionId"));
    given().header("X-Api-Key", "k").body("{\"analyst\":").when().post("/api/reviews/tx-1/take")
        .then().statusCode(400).body("errors.field", hasItem("body"));
    given().header("X-Api-Key", "k").body("{}").when().post("/api/reviews/tx-1/take")
        .then().statusCode(400).body("errors.field", hasItem("analyst"));
    given().header("X-Api-Key", "k").body("{\"analyst\":\"ana\",\"label\":\"MAYBE\"}").when().post("/api/reviews/tx-1/label")
        .then().statusCode(400).body("errors.field", hasItem("label"));
    given().header("X-Api-Key", "k").body("{\"analyst\":\"ana\",\"label\":\"LEGIT\",\"pattern\":\"FRAUD_RING\"}")
        .when().post("/api/reviews/tx-1/label").then().statusCode(400).body("errors.field", hasItem("pattern"));
  }

  @Test
  void shouldAnswerBadGatewayWhenFraudServiceIsDown() {
    given().header("X-Api-Key", "k").when().get("/api/reviews").then().statusCode(502);
  }

  @Test
  void shouldSampleEveryServiceAndSayWhichIsUnreachable() throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    String body = "";
    while (System.nanoTime() < end && !body.contains("unreachable")) {
      body = given().when().get("/api/health").then().statusCode(200).extract().asString();
      Thread.sleep(200);
    }
    assertThat(body).contains("\"pricing-service\"", "\"feature-streams\"", "\"readiness\":\"unreachable\"");
  }
}
