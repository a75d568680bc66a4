package org.ridemarket.eta.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.ridemarket.eta.repository.PendingPredictions;
import org.ridemarket.contracts.events.GeoPoint;
import org.ridemarket.contracts.events.Product;
import org.ridemarket.contracts.events.TripEvent;
import org.ridemarket.contracts.events.TripEventType;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.eta.EtaApi;
import org.ridemarket.eta.EtaModelTestResource;
import org.ridemarket.stack.LocalStackTestResource;

@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
@WithTestResource(EtaModelTestResource.class)
// The rolling figures are asserted exactly, so the join of this instance's own predictions runs first.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccuracyJoinTest {

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @ConfigProperty(name = "redis.url")
  String redisUrl;

  @Test
  @Order(1)
  void shouldJoinCompletedTripsWithTheirPredictionsOnceAndUpdateTheRollingAccuracy() {
    long joinedBefore = accuracy().getLong("joinedTotal");
    int predictionsBefore = accuracy().getInt("predictions");
    String inside = "trip-join-" + UUID.randomUUID();
    String outside = "trip-join-" + UUID.randomUUID();
    JsonPath first = EtaApi.post(EtaApi.body(EtaApi.PENN_STATION, EtaApi.GRAND_CENTRAL, inside))
        .statusCode(200).extract().jsonPath();
    JsonPath second = EtaApi.post(EtaApi.body(EtaApi.TIMES_SQUARE, EtaApi.UN_HEADQUARTERS, outside))
        .statusCode(200).extract().jsonPath();
    // 30 s late, inside [p10, p90]; then 100 s beyond p90.
    double insideActual = first.getDouble("etaSeconds") + 30;
    double outsideActual = second.getDouble("p90Seconds") + 100;
    assertThat(insideActual).isLessThan(first.getDouble("p90Seconds"));

    try (KafkaProducer<String, TripEvent> producer = new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(),
        Topics.TRIP_EVENTS.valueSerde().serializer())) {
      // The service's consumer starts at the end of the topic once its partitions are assigned, so the
      // completion is resent until it is joined; the copies after the first must not count again.
      completeUntilJoined(producer, inside, insideActual, joinedBefore + 1);
      completeUntilJoined(producer, outside, outsideActual, joinedBefore + 2);
      producer.send(completed(inside, insideActual));
      producer.flush();
    }

    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
        .until(() -> accuracy().getLong("joinedTotal") == joinedBefore + 2);
    JsonPath accuracy = accuracy();
    assertThat(accuracy.getInt("window")).isEqualTo(1000);
    assertThat(accuracy.getInt("predictions")).isEqualTo(predictionsBefore + 2);
    double secondError = outsideActual - second.getDouble("etaSeconds");
    assertThat(accuracy.getDouble("maeSeconds")).isCloseTo((30 + secondError) / 2, within(1.0));
    assertThat(accuracy.getDouble("p10P90Coverage")).isEqualTo(0.5);
    String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    assertThat(metrics).containsPattern("eta_accuracy_p10_p90_coverage(\\{[^}]*\\})? 0\\.5");
    assertThat(metrics).containsPattern("eta_accuracy_joined_total(\\{[^}]*\\})? 2\\.0");
    assertThat(metrics).containsPattern("eta_accuracy_mae_seconds(\\{[^}]*\\})? [1-9]");
  }

  @Test
  @Order(2)
  void shouldJoinAPredictionAnotherInstanceMade() {
    // given a prediction that another replica made and left in Redis, as every replica does
    String trip = "trip-other-replica-" + UUID.randomUUID();
    try (var redis = io.lettuce.core.RedisClient.create(redisUrl); var connection = redis.connect()) {
      connection.sync().psetex(PendingPredictions.key(trip), 60_000, "500.0,600.0,700.0,false");
    }
    long joinedBefore = accuracy().getLong("joinedTotal");

    // when its trip completes, this replica joins it (and a redelivery does not count twice)
    try (KafkaProducer<String, TripEvent> producer = new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(),
        Topics.TRIP_EVENTS.valueSerde().serializer())) {
      completeUntilJoined(producer, trip, 650, joinedBefore + 1);
      producer.send(completed(trip, 650));
      producer.flush();
    }

    // then it is joined exactly once
    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
        .until(() -> accuracy().getLong("joinedTotal") == joinedBefore + 1);
  }

  private void completeUntilJoined(KafkaProducer<String, TripEvent> producer, String tripId, double actual,
      long expectedJoined) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
      producer.send(completed(tripId, actual));
      producer.flush();
      return accuracy().getLong("joinedTotal") >= expectedJoined;
    });
  }

  private static ProducerRecord<String, TripEvent> completed(String tripId, double durationSeconds) {
    GeoPoint pickup = new GeoPoint(EtaApi.PENN_STATION.lat(), EtaApi.PENN_STATION.lon());
    GeoPoint dropoff = new GeoPoint(EtaApi.GRAND_CENTRAL.lat(), EtaApi.GRAND_CENTRAL.lon());
    TripEvent event = TripEvent.newBuilder()
        .setEventId(UUID.randomUUID())
        .setEventTime(Instant.now())
        .setTripId(tripId)
        .setRequestId("request-" + tripId)
        .setRiderId("rider-join")
        .setDriverId("driver-join")
        .setType(TripEventType.COMPLETED)
        .setPickup(pickup)
        .setDropoff(dropoff)
        .setPickupCell("882a100d2dfffff")
        .setProduct(Product.STANDARD)
        .setDurationSeconds(durationSeconds)
        .setDistanceMeters(2100.0)
        .build();
    return new ProducerRecord<>(Topics.TRIP_EVENTS.name(), event.getPickupCell(), event);
  }

  private static JsonPath accuracy() {
    return given().when().get("/eta/accuracy").then().statusCode(200).extract().jsonPath();
  }
}
