package org.ridemarket.fraud.serving;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.ridemarket.stack.LocalStackTestResource;

/**
 * The serving core's own endpoints behind fraud's API-key filter: model admin answers to its admin key
 * (not a gateway or analyst key), the empty benchmark endpoint to no key.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class ModelAdminTest {

  @Test
  void shouldSwapTheFraudModelWithTheAdminKeyAlone() {
    given().header("X-Admin-Key", "test-admin-key").queryParam("version", "1")
        .when().post("/admin/models/fraud/activate")
        .then().statusCode(200).body("inService", equalTo("fraud:1"));
    given().header("X-Api-Key", "test-gateway-key").queryParam("version", "1")
        .when().post("/admin/models/fraud/activate")
        .then().statusCode(403);
    given().header("X-Admin-Key", "test-admin-key").queryParam("version", "0")
        .when().post("/admin/models/fraud/activate")
        .then().statusCode(409).body("title", equalTo("model refused; fraud:1 stays in service"));
  }

  @Test
  void shouldAnswerTheEmptyEndpointWithoutAKey() {
    given().when().get("/serving/noop").then().statusCode(204);
  }
}
