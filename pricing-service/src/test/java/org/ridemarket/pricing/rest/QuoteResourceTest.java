package org.ridemarket.pricing.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ridemarket.pricing.FeatureHashes;
import org.ridemarket.pricing.QuoteApi;
import org.ridemarket.pricing.SurgeModelTestResource;
import org.ridemarket.stack.LocalStackTestResource;

@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
@WithTestResource(SurgeModelTestResource.class)
class QuoteResourceTest {

  @ConfigProperty(name = "redis.url")
  String redisUrl;

  @Inject
  AgroalDataSource database;

  private FeatureHashes hashes;

  @BeforeEach
  void connect() {
    hashes = new FeatureHashes(redisUrl);
  }

  @AfterEach
  void disconnect() {
    hashes.close();
  }

  @Test
  void shouldQuoteACalmCellAtOne() {
    double[] pickup = QuoteApi.freshPickup();

    JsonPath quote = QuoteApi.quote(pickup).extract().jsonPath();

    assertThat(quote.getDouble("surgeMultiplier")).isEqualTo(1.0);
    assertThat(quote.getString("surgeSource")).isEqualTo("CALM_CELL");
    assertThat(quote.getBoolean("degraded")).isFalse();
    assertThat(quote.getLong("fare.surgeMinor")).isZero();
    assertThat(quote.getString("pickupCell")).isEqualTo(FeatureHashes.cellOf(pickup[0], pickup[1]));
  }

  @Test
  void shouldQuoteABusyCellAboveOne() {
    double[] pickup = QuoteApi.freshPickup();
    hashes.busy(FeatureHashes.cellOf(pickup[0], pickup[1]));

    JsonPath quote = QuoteApi.quote(pickup).extract().jsonPath();

    assertThat(quote.getDouble("surgeMultiplier")).isGreaterThan(1.0).isLessThanOrEqualTo(3.0);
    assertThat(quote.getString("surgeSource")).isEqualTo("MODEL");
    assertThat(quote.getString("modelVersion")).isEqualTo("surge:test-1");
    assertThat(quote.getBoolean("degraded")).isFalse();
    assertThat(quote.getLong("fare.surgeMinor")).isPositive();
    assertThat(quote.getLong("fare.baseMinor") + quote.getLong("fare.distanceMinor") + quote.getLong("fare.timeMinor")
        + quote.getLong("fare.surgeMinor")).isEqualTo(quote.getLong("fare.totalMinor"));
  }

  @Test
  void shouldTreatAStaleHashAsACalmCell() {
    double[] pickup = QuoteApi.freshPickup();
    hashes.write(FeatureHashes.cellOf(pickup[0], pickup[1]), 40, 2, Duration.ofMinutes(20));

    JsonPath quote = QuoteApi.quote(pickup).extract().jsonPath();

    assertThat(quote.getDouble("surgeMultiplier")).isEqualTo(1.0);
    assertThat(quote.getString("surgeSource")).isEqualTo("CALM_CELL");
  }

  @Test
  void shouldRecordTheQuoteBeforeAnswering() throws Exception {
    double[] pickup = QuoteApi.freshPickup();
    hashes.busy(FeatureHashes.cellOf(pickup[0], pickup[1]));

    JsonPath quote = QuoteApi.quote(pickup).extract().jsonPath();

    // every column of the row, read back and compared with what the rider was told
    try (Connection connection = database.getConnection();
        PreparedStatement select = connection.prepareStatement("select * from quote where id = ?")) {
      select.setObject(1, UUID.fromString(quote.getString("quoteId")));
      try (ResultSet row = select.executeQuery()) {
        assertThat(row.next()).as("the quote's row").isTrue();
        assertThat(row.getMetaData().getColumnCount()).as("columns compared below").isEqualTo(22);
        assertThat(row.getObject("id").toString()).isEqualTo(quote.getString("quoteId"));
        assertThat(row.getString("rider_id")).isEqualTo(quote.getString("riderId"));
        assertThat(row.getString("product")).isEqualTo(quote.getString("product"));
        assertThat(row.getDouble("pickup_lat")).isEqualTo(quote.getDouble("pickup.lat"));
        assertThat(row.getDouble("pickup_lon")).isEqualTo(quote.getDouble("pickup.lon"));
        assertThat(row.getDouble("dropoff_lat")).isEqualTo(quote.getDouble("dropoff.lat"));
        assertThat(row.getDouble("dropoff_lon")).isEqualTo(quote.getDouble("dropoff.lon"));
        assertThat(row.getString("pickup_cell")).isEqualTo(quote.getString("pickupCell"));
        assertThat(row.getLong("distance_meters")).isEqualTo(quote.getLong("distanceMeters"));
        assertThat(row.getLong("duration_seconds")).isEqualTo(quote.getLong("durationSeconds"));
        assertThat(row.getDouble("surge_multiplier")).isEqualTo(quote.getDouble("surgeMultiplier"));
        assertThat(row.getString("surge_source")).isEqualTo(quote.getString("surgeSource"));
        assertThat(row.getString("model_version")).isEqualTo(quote.getString("modelVersion"));
        assertThat(row.getBoolean("degraded")).isEqualTo(quote.getBoolean("degraded")).isFalse();
        assertThat(row.getLong("base_fare_minor")).isEqualTo(quote.getLong("fare.baseMinor"));
        assertThat(row.getLong("distance_fare_minor")).isEqualTo(quote.getLong("fare.distanceMinor"));
        assertThat(row.getLong("time_fare_minor")).isEqualTo(quote.getLong("fare.timeMinor"));
        assertThat(row.getLong("surge_amount_minor")).isEqualTo(quote.getLong("fare.surgeMinor"));
        assertThat(row.getLong("total_fare_minor")).isEqualTo(quote.getLong("fare.totalMinor"));
        assertThat(row.getString("currency")).isEqualTo(quote.getString("fare.currency"));
        assertThat(row.getTimestamp("created_at").toInstant()).isEqualTo(Instant.parse(quote.getString("createdAt")));
        assertThat(row.getTimestamp("expires_at").toInstant()).isEqualTo(Instant.parse(quote.getString("expiresAt")));
      }
    }
  }

  @Test
  void shouldHonourTheQuoteUntilItExpires() {
    String id = QuoteApi.quote(QuoteApi.freshPickup()).extract().path("quoteId");

    QuoteApi.get(id).statusCode(200).body("expired", equalTo(false)).body("quoteId", equalTo(id));

    // %test quotes live 3 seconds.
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
        QuoteApi.get(id).statusCode(410).body("expired", equalTo(true)).body("quoteId", equalTo(id)));
  }

  @Test
  void shouldAnswerNotFoundForAnUnknownQuote() {
    QuoteApi.get(UUID.randomUUID().toString()).statusCode(404);
  }

  @Test
  void shouldAnswerWithTheLastKnownMultiplierWhileRedisStalls() {
    double[] pickup = QuoteApi.freshPickup();
    hashes.busy(FeatureHashes.cellOf(pickup[0], pickup[1]));
    double fresh = QuoteApi.quote(pickup).extract().jsonPath().getDouble("surgeMultiplier");

    // Redis holds every client's commands for longer than the read deadline (250 ms in %test).
    hashes.commands().clientPause(1_500);
    JsonPath stalled = QuoteApi.quote(pickup).extract().jsonPath();
    JsonPath neverSeen = QuoteApi.quote(QuoteApi.freshPickup()).extract().jsonPath();
    hashes.commands().ping();

    assertThat(stalled.getBoolean("degraded")).isTrue();
    assertThat(stalled.getString("surgeSource")).isEqualTo("LAST_KNOWN");
    assertThat(stalled.getDouble("surgeMultiplier")).isEqualTo(fresh).isGreaterThan(1.0);
    assertThat(neverSeen.getBoolean("degraded")).isTrue();
    assertThat(neverSeen.getString("surgeSource")).isEqualTo("DEFAULT");
    assertThat(neverSeen.getDouble("surgeMultiplier")).isEqualTo(1.0);
  }
}
