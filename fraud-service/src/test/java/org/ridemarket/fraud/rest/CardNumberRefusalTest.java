package org.ridemarket.fraud.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ridemarket.fraud.FraudApi;
import org.ridemarket.stack.LocalStackTestResource;

@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class CardNumberRefusalTest {

  @Inject
  Pool pool;

  @ConfigProperty(name = "quarkus.log.file.path")
  String logFile;

  @Test
  void shouldRefuseACardNumberAsTheFingerprintWithoutRepeatingIt() {
    String tx = FraudApi.fresh("tx");
    String answer = FraudApi.score(FraudApi.body(tx, "4111111111111111", "rider-p", "dev-p", 1850))
        .statusCode(400)
        .body("title", equalTo("card number refused"))
        .body("errors[0].field", equalTo("cardFingerprint"))
        .extract().asString();

    assertThat(answer).doesNotContain("4111");
    assertThat(rows(tx)).as("nothing was recorded").isZero();
  }

  @Test
  void shouldRefuseACardNumberWithSpacesOrDashesInAnyField() {
    FraudApi.score(FraudApi.body(FraudApi.fresh("tx"), "fp-p", "4111 1111 1111 1111", "dev-p", 1850))
        .statusCode(400).body("errors[0].field", equalTo("userId"));
    FraudApi.score(FraudApi.body(FraudApi.fresh("tx"), "fp-p", "rider-p", "4111-1111-1111-1111", 1850))
        .statusCode(400).body("errors[0].field", equalTo("deviceId"));
  }

  @Test
  void shouldRefuseACardNumberInAnUnknownNestedFieldOrAsANumber() {
    String body = FraudApi.body(FraudApi.fresh("tx"), "fp-p", "rider-p", "dev-p", 1850);
    FraudApi.score(body.replace("\"tripId\"", "\"meta\": {\"notes\": [\"ok\", \"5500 0000 0000 0004\"]}, \"tripId\""))
        .statusCode(400).body("errors[0].field", equalTo("meta.notes[1]"));
    FraudApi.score(body.replace("\"tripId\"", "\"pan\": 4111111111111111, \"tripId\""))
        .statusCode(400).body("errors[0].field", equalTo("pan"));
    FraudApi.score(body.replace("\"amountMinor\": 1850", "\"amountMinor\": 4111111111111111"))
        .statusCode(400).body("errors[0].field", equalTo("amountMinor"));
  }

  @Test
  void shouldLetSixteenDigitsThatFailLuhnThrough() {
    String tx = "4111111111111112";
    pool.preparedQuery("delete from fraud_decision where transaction_id = $1").execute(Tuple.of(tx))
        .await().atMost(Duration.ofSeconds(10));

    FraudApi.score(FraudApi.body(tx, "fp-p", "rider-p", "dev-p", 1850)).statusCode(200)
        .body("transactionId", equalTo(tx));
  }

  @Test
  void shouldNotLogTheCardNumber() throws IOException {
    FraudApi.score(FraudApi.body(FraudApi.fresh("tx"), "6011 0009 9013 9424", "rider-p", "dev-p", 1850))
        .statusCode(400);

    Path log = Path.of(logFile);
    assertThat(log).exists();
    assertThat(Files.readString(log)).contains("fraud-service").doesNotContain("6011 0009 9013 9424")
        .doesNotContain("6011000990139424");
  }

  private long rows(String transactionId) {
    return pool.preparedQuery("select count(*) from fraud_decision where transaction_id = $1")
        .execute(Tuple.of(transactionId)).map(rows -> rows.iterator().next().getLong(0))
        .await().atMost(Duration.ofSeconds(10));
  }
}
