package org.ridemarket.fraud.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.ridemarket.fraud.FraudApi;
import org.ridemarket.stack.LocalStackTestResource;

@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class AuthenticationTest {

  private static String body() {
    return FraudApi.body(FraudApi.fresh("tx"), "fp-k", "rider-k", "dev-k", 1850);
  }

  @Test
  void shouldRefuseARequestWithoutAKeyWithAJsonError() {
    given().contentType(ContentType.JSON).body(body()).when().post("/payments/score").then()
        .statusCode(401)
        .contentType(ContentType.JSON)
        .body("status", equalTo(401))
        .header("WWW-Authenticate", equalTo("Bearer"));
  }

  @Test
  void shouldRefuseAnUnknownKey() {
    given().contentType(ContentType.JSON).header("X-Api-Key", "guess").body(body())
        .when().post("/payments/score").then().statusCode(401);
    given().contentType(ContentType.JSON).header("X-Api-Key", "sha256:" + "0".repeat(64)).body(body())
        .when().post("/payments/score").then().statusCode(401);
  }

  @Test
  void shouldAcceptAKeyInTheHeaderAsABearerTokenOrStoredAsItsHash() {
    given().contentType(ContentType.JSON).header("X-Api-Key", FraudApi.GATEWAY_KEY).body(body())
        .when().post("/payments/score").then().statusCode(200);
    given().contentType(ContentType.JSON).header("Authorization", "Bearer " + FraudApi.GATEWAY_KEY).body(body())
        .when().post("/payments/score").then().statusCode(200);
    given().contentType(ContentType.JSON).header("X-Api-Key", FraudApi.HASHED_GATEWAY_KEY).body(body())
        .when().post("/payments/score").then().statusCode(200);
  }

  @Test
  void shouldKeepTheGatewayOutOfTheReviewQueueAndAnalystsOutOfScoring() {
    given().header("X-Api-Key", FraudApi.GATEWAY_KEY).when().get("/reviews").then().statusCode(403)
        .body("status", equalTo(403));
    given().contentType(ContentType.JSON).header("X-Api-Key", FraudApi.GATEWAY_KEY)
        .body("{\"analyst\": \"gw\", \"label\": \"LEGIT\"}")
        .when().post("/reviews/{id}/label", "tx-any").then().statusCode(403);
    given().contentType(ContentType.JSON).header("X-Api-Key", FraudApi.ANALYST_KEY).body(body())
        .when().post("/payments/score").then().statusCode(403);
  }

  @Test
  void shouldRefuseBeforeReadingTheBody() {
    // a card number in an unauthenticated body is not even looked at: 401, not 400
    given().contentType(ContentType.JSON).body("{\"pan\": \"4111111111111111\"}")
        .when().post("/payments/score").then().statusCode(401);
  }

  @Test
  void shouldLeaveHealthMetricsAndDocsOpen() {
    given().when().get("/q/health/live").then().statusCode(200);
    given().when().get("/q/metrics").then().statusCode(200);
    given().when().get("/q/openapi").then().statusCode(200);
  }
}
