package org.ridemarket.fraud.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.features.VelocityEntityType;
import org.ridemarket.contracts.features.VelocityFeatures;
import org.ridemarket.fraud.FraudApi;
import org.ridemarket.fraud.VelocityHashes;
import org.ridemarket.fraud.mapping.PaymentMapper;
import org.ridemarket.stack.LocalStackTestResource;

@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class ScoreResourceTest {

  @Inject
  Pool pool;

  @ConfigProperty(name = "redis.url")
  String redisUrl;

  @Test
  void shouldAllowARegularRidersFareWithAScoreFromTheModel() {
    String card = FraudApi.fresh("fp");
    String user = FraudApi.fresh("rider");
    String device = FraudApi.fresh("dev");
    try (VelocityHashes hashes = new VelocityHashes(redisUrl)) {
      hashes.regular(card, user, device);
    }

    JsonPath decision = FraudApi.score(FraudApi.body(FraudApi.fresh("tx"), card, user, device, 1850))
        .statusCode(200).extract().jsonPath();

    assertThat(decision.getString("decision")).isEqualTo("ALLOW");
    assertThat(decision.getDouble("score")).isBetween(0.0, 0.5);
    assertThat(decision.getString("modelVersion")).isEqualTo("fraud:1");
    assertThat(decision.getBoolean("degraded")).isFalse();
    assertThat(decision.getList("reasons")).isEmpty();
  }

  @Test
  void shouldBlockCardTestingNamingTheRuleAndItsNumbers() {
    String card = FraudApi.fresh("fp");
    String user = FraudApi.fresh("rider");
    String device = FraudApi.fresh("dev");
    try (VelocityHashes hashes = new VelocityHashes(redisUrl)) {
      hashes.cardTesting(card, user, device);
    }

    JsonPath decision = FraudApi.score(FraudApi.body(FraudApi.fresh("tx"), card, user, device, 150))
        .statusCode(200).extract().jsonPath();

    assertThat(decision.getString("decision")).isEqualTo("BLOCK");
    assertThat(decision.getList("reasons.code", String.class)).contains("CARD_TESTING_BURST");
    assertThat(decision.getString("reasons.find { it.code == 'CARD_TESTING_BURST' }.detail"))
        .isEqualTo("card_count_1m=2 within 1 minute (>= 2), amount_minor=150 (<= 500)");
  }

  @Test
  void shouldNameTheFeaturesBehindAHighScore() {
    String card = FraudApi.fresh("fp");
    String user = FraudApi.fresh("rider");
    String device = FraudApi.fresh("dev");
    try (VelocityHashes hashes = new VelocityHashes(redisUrl)) {
      hashes.cardTesting(card, user, device);
    }

    JsonPath decision = FraudApi.score(FraudApi.body(FraudApi.fresh("tx"), card, user, device, 150))
        .statusCode(200).extract().jsonPath();

    // the committed model ranks a card-testing burst at the top, so the attribution runs
    assertThat(decision.getList("reasons.code", String.class)).contains("MODEL_SCORE")
        .anySatisfy(code -> assertThat(code).startsWith("FEATURE_"));
    assertThat(decision.getList("reasons.code", String.class).stream().filter(code -> code.startsWith("FEATURE_")))
        .hasSizeLessThanOrEqualTo(3);
  }

  @Test
  void shouldRecordTheDecisionBeforeAnswering() {
    String card = FraudApi.fresh("fp");
    String user = FraudApi.fresh("rider");
    String device = FraudApi.fresh("dev");
    String tx = FraudApi.fresh("tx");
    try (VelocityHashes hashes = new VelocityHashes(redisUrl)) {
      hashes.impossibleTravel(card, user, device);
    }

    JsonPath decision = FraudApi.score(FraudApi.body(tx, card, user, device, 1850)).statusCode(200)
        .extract().jsonPath();

    Row row = row(tx);
    assertThat(row.getString("decision")).isEqualTo(decision.getString("decision"));
    assertThat(row.getString("card_fingerprint")).isEqualTo(card);
    assertThat(row.getString("reasons")).contains("IMPOSSIBLE_TRAVEL");
    assertThat(row.getString("features")).contains("\"card_speed_kmh_from_last\":");
    assertThat(row.getString("review_state")).isEqualTo(
        decision.getString("decision").equals("REVIEW") ? "OPEN" : "NONE");
    assertThat(row.getString("payload_sha256")).hasSize(64);
  }

  @Test
  void shouldReadTheMerchantsAndTheCardsLongWindowsAndLabelFeedback() {
    // given a merchant with 3 chargebacks arrived this week among 40 payments, and a card with one this month
    String card = FraudApi.fresh("fp");
    String user = FraudApi.fresh("rider");
    String device = FraudApi.fresh("dev");
    String merchant = FraudApi.fresh("mer");
    String tx = FraudApi.fresh("tx");
    try (VelocityHashes hashes = new VelocityHashes(redisUrl)) {
      hashes.regular(card, user, device);
      hashes.writeLabelFeedback(VelocityEntityType.MERCHANT, merchant, Duration.ofMinutes(5), 6, 40, 150, 1, 3, 4);
      hashes.writeLabelFeedback(VelocityEntityType.CARD, card, Duration.ofHours(2), 1, 5, 20, 0, 0, 1);
    }

    // when the card pays at that merchant
    FraudApi.score(FraudApi.body(tx, card, user, device, 1850).replace("\"tripId\": \"trip-1\"",
        "\"merchantId\": \"" + merchant + "\"")).statusCode(200);

    // then the recorded scoring row holds what the service read from both hashes
    String features = row(tx).getString("features");
    assertThat(features).contains("\"merchant_count_7d\":40.0", "\"merchant_count_30d\":150.0",
        "\"merchant_fraud_1d\":1.0", "\"merchant_fraud_7d\":3.0", "\"merchant_fraud_30d\":4.0",
        "\"merchant_fraud_share_7d\":0.075", "\"card_count_7d\":5.0", "\"card_fraud_30d\":1.0",
        "\"card_fraud_7d\":0.0");
  }

  @Test
  void shouldAnswerARetryWithTheIdenticalRecordedDecision() {
    String card = FraudApi.fresh("fp");
    String user = FraudApi.fresh("rider");
    String device = FraudApi.fresh("dev");
    String body = FraudApi.body(FraudApi.fresh("tx"), card, user, device, 1850);
    try (VelocityHashes hashes = new VelocityHashes(redisUrl)) {
      hashes.regular(card, user, device);
    }
    String first = FraudApi.score(body).statusCode(200).extract().asString();

    // the card turns into a card-testing burst: a new decision would differ, the retry must not
    try (VelocityHashes hashes = new VelocityHashes(redisUrl)) {
      hashes.cardTesting(card, user, device);
    }
    String retry = FraudApi.score(body.replace("\n", " ").replace("  ", " ")).statusCode(200).extract().asString();

    assertThat(retry).isEqualTo(first);
  }

  @Test
  void shouldRefuseTheSameTransactionIdForAnotherPayment() {
    String tx = FraudApi.fresh("tx");
    FraudApi.score(FraudApi.body(tx, "fp-a", "rider-a", "dev-a", 1850)).statusCode(200);

    FraudApi.score(FraudApi.body(tx, "fp-a", "rider-a", "dev-a", 99_000))
        .statusCode(409)
        .body("status", equalTo(409))
        .body("errors[0].field", equalTo("transactionId"));
    assertThat(row(tx).getLong("amount_minor")).isEqualTo(1850);
  }

  @Test
  void shouldReturnADecisionRecordedBeforeThisInstanceStarted() {
    // given a decision recorded by an earlier instance (or before a restart): only PostgreSQL knows it
    String tx = FraudApi.fresh("tx");
    String body = FraudApi.body(tx, "fp-old", "rider-old", "dev-old", 2400);
    Instant decidedAt = Instant.parse("2026-11-20T09:15:00.123456Z");
    pool.preparedQuery("insert into fraud_decision (transaction_id, payload_sha256, card_fingerprint, user_id,"
            + " device_id, amount_minor, currency, lat, lon, trip_id, event_time, decision, score, reasons,"
            + " model_version, degraded, decided_at, review_state)"
            + " values ($1, $2, 'fp-old', 'rider-old', 'dev-old', 2400, 'USD', 40.7549, -73.984, 'trip-1', $3,"
            + " 'BLOCK', 0.97, $4, 'fraud:0', false, $3, 'NONE')")
        .execute(Tuple.of(tx, PaymentMapper.payloadSha256(FraudApi.scoreRequest(body)),
            OffsetDateTime.ofInstant(decidedAt, ZoneOffset.UTC),
            "[{\"code\":\"MODEL_SCORE\",\"detail\":\"recorded earlier\"}]"))
        .await().atMost(Duration.ofSeconds(10));

    // when the gateway retries it, then the recorded decision comes back, not a new one
    FraudApi.score(body).statusCode(200)
        .body("decision", equalTo("BLOCK"))
        .body("score", equalTo(0.97f))
        .body("modelVersion", equalTo("fraud:0"))
        .body("reasons[0].detail", equalTo("recorded earlier"))
        .body("decidedAt", equalTo("2026-11-20T09:15:00.123456Z"));
  }

  @Test
  void shouldTakeTheEventTimeFromTheRequest() {
    String tx = FraudApi.fresh("tx");
    String body = FraudApi.body(tx, "fp-t", "rider-t", "dev-t", 1200)
        .replace("\"tripId\"", "\"eventTime\": \"2026-11-21T18:04:05.120Z\", \"tripId\"");

    FraudApi.score(body).statusCode(200);

    assertThat(row(tx).getOffsetDateTime("event_time").toInstant()).isEqualTo(Instant.parse("2026-11-21T18:04:05.120Z"));
  }

  @Test
  void shouldRecordEveryFieldOfTheDecisionAsAnswered() {
    // given a payment
    String tx = FraudApi.fresh("tx-columns");
    String body = FraudApi.body(tx, "fp-columns", "rider-columns", "dev-columns", 2350)
        .replace("\"tripId\"", "\"eventTime\": \"2026-11-21T18:04:05.120Z\", \"tripId\"");

    // when it is scored
    JsonPath answer = FraudApi.score(body).statusCode(200).extract().jsonPath();

    // then every column of its row holds what the gateway sent and was told
    Row row = row(tx);
    assertThat(row.size()).as("columns compared below").isEqualTo(25);
    assertThat(row.getString("transaction_id")).isEqualTo(answer.getString("transactionId")).isEqualTo(tx);
    assertThat(row.getString("payload_sha256")).matches("[0-9a-f]{64}");
    assertThat(row.getString("card_fingerprint")).isEqualTo("fp-columns");
    assertThat(row.getString("user_id")).isEqualTo("rider-columns");
    assertThat(row.getString("device_id")).isEqualTo("dev-columns");
    assertThat(row.getLong("amount_minor")).isEqualTo(2350);
    assertThat(row.getString("currency")).isEqualTo("USD");
    assertThat(row.getDouble("lat")).isEqualTo(40.7549);
    assertThat(row.getDouble("lon")).isEqualTo(-73.9840);
    assertThat(row.getString("merchant_id")).isNull();
    assertThat(row.getString("trip_id")).isEqualTo("trip-1");
    assertThat(row.getOffsetDateTime("event_time").toInstant()).isEqualTo(Instant.parse("2026-11-21T18:04:05.120Z"));
    assertThat(row.getString("decision")).isEqualTo(answer.getString("decision"));
    // RestAssured reads JSON numbers as floats: equal to float precision.
    assertThat(row.getDouble("score")).isCloseTo(answer.getDouble("score"), within(1e-7));
    List<String> codes = answer.getList("reasons.code", String.class);
    assertThat(row.getString("reasons")).startsWith("[")
        .satisfies(json -> assertThat(codes).allSatisfy(code -> assertThat(json).contains("\"" + code + "\"")));
    assertThat(row.getString("features")).startsWith("{").contains("\"" + VelocityFeatures.NAMES.get(0) + "\"");
    assertThat(row.getString("model_version")).isEqualTo(answer.getString("modelVersion"));
    assertThat(row.getBoolean("degraded")).isEqualTo(answer.getBoolean("degraded"));
    assertThat(row.getOffsetDateTime("decided_at").toInstant()).isEqualTo(Instant.parse(answer.getString("decidedAt")));
    assertThat(row.getString("review_state")).isEqualTo("REVIEW".equals(answer.getString("decision")) ? "OPEN" : "NONE");
    assertThat(row.getString("assigned_to")).isNull();
    assertThat(row.getValue("taken_at")).isNull();
    assertThat(row.getString("label")).isNull();
    assertThat(row.getString("pattern")).isNull();
    assertThat(row.getValue("labeled_at")).isNull();
  }

  private Row row(String transactionId) {
    List<Row> rows = pool.preparedQuery("select * from fraud_decision where transaction_id = $1")
        .execute(Tuple.of(transactionId))
        .map(found -> {
          List<Row> all = new java.util.ArrayList<>();
          found.forEach(all::add);
          return all;
        })
        .await().atMost(Duration.ofSeconds(10));
    assertThat(rows).as("the row of " + transactionId).hasSize(1);
    return rows.get(0);
  }
}
