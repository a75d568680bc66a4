package org.ridemarket.fraud.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.ridemarket.fraud.FraudApi;
import org.ridemarket.stack.LocalStackTestResource;

/** Path and query parameters are screened like body fields and never repeated in an answer. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class ParameterScreenTest {

  @Test
  void shouldRefuseACardNumberAsAReviewsTransactionIdWithoutRepeatingIt() {
    // given a card number where a transaction id belongs

    // when
    String answer = FraudApi.review("4111111111111111", "take", "{\"analyst\": \"ana\"}")
        .statusCode(400)
        .body("title", equalTo("card number refused"))
        .body("errors[0].field", equalTo("transactionId"))
        .extract().asString();

    // then
    assertThat(answer).doesNotContain("4111");
  }

  @Test
  void shouldNotRepeatThePathInA403() {
    // given a gateway key on the review queue, with a card number in the path

    // when
    String answer = given().header("X-Api-Key", FraudApi.GATEWAY_KEY).contentType("application/json")
        .body("{\"analyst\": \"ana\"}").when().post("/reviews/{id}/take", "4111 1111 1111 1111")
        .then().statusCode(403).extract().asString();

    // then
    assertThat(answer).doesNotContain("4111").doesNotContain("/reviews/");
  }

  @Test
  void shouldNotRepeatTheTransactionIdInA404() {
    // given a transaction id not in the queue
    String transactionId = FraudApi.fresh("tx-unknown");

    // when
    String answer = FraudApi.review(transactionId, "take", "{\"analyst\": \"ana\"}").statusCode(404)
        .body("status", equalTo(404)).extract().asString();

    // then
    assertThat(answer).doesNotContain(transactionId);
  }

  @Test
  void shouldRefuseAControlCharacterInAPathAndACardNumberInAQuery() {
    // given a NUL in a transaction id and a card number as a query parameter

    // when / then
    given().urlEncodingEnabled(false).header("X-Api-Key", FraudApi.ANALYST_KEY).contentType("application/json")
        .body("{\"analyst\": \"ana\", \"label\": \"LEGIT\"}").when().post("/reviews/tx%00nul/label")
        .then().statusCode(400).body("errors[0].field", equalTo("transactionId"));
    String answer = given().header("X-Api-Key", FraudApi.ANALYST_KEY).queryParam("state", "4111.1111.1111.1111")
        .when().get("/reviews").then().statusCode(400)
        .body("title", equalTo("card number refused")).body("errors[0].field", equalTo("state"))
        .extract().asString();
    assertThat(answer).doesNotContain("4111");
  }
}
