package org.ridemarket.eta.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.events.EtaPredicted;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.eta.EtaApi;
import org.ridemarket.eta.EtaModelTestResource;
import org.ridemarket.stack.LocalStackTestResource;

@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
@WithTestResource(EtaModelTestResource.class)
class EtaEventTest {

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @Test
  void shouldPublishTheEtaPredictedEventKeyedByOriginCell() {
    JsonPath eta = EtaApi.post(EtaApi.body(EtaApi.PENN_STATION, EtaApi.GRAND_CENTRAL, "trip-event-1"))
        .statusCode(200).extract().jsonPath();

    ConsumerRecord<String, EtaPredicted> record = awaitEvent(eta.getString("predictionId"));

    EtaPredicted event = record.value();
    assertThat(record.key()).isEqualTo(eta.getString("originCell"));
    assertThat(event.getEventId()).isEqualTo(UUID.fromString(eta.getString("predictionId")));
    assertThat(event.getTripId()).isEqualTo("trip-event-1");
    assertThat(event.getOriginCell()).isEqualTo(eta.getString("originCell"));
    assertThat(event.getOrigin().getLat()).isEqualTo(EtaApi.PENN_STATION.lat());
    assertThat(event.getDestination().getLon()).isEqualTo(EtaApi.GRAND_CENTRAL.lon());
    assertThat(event.getEtaSeconds()).isCloseTo(eta.getDouble("etaSeconds"), within(0.5));
    assertThat(event.getP10Seconds()).isCloseTo(eta.getDouble("p10Seconds"), within(0.5));
    assertThat(event.getP90Seconds()).isCloseTo(eta.getDouble("p90Seconds"), within(0.5));
    assertThat(event.getBaselineSeconds()).isCloseTo(eta.getDouble("baselineSeconds"), within(0.5));
    assertThat(event.getDistanceMeters()).isCloseTo(eta.getDouble("distanceMeters"), within(0.5));
    assertThat(event.getDepartureTime()).isBeforeOrEqualTo(Instant.parse(eta.getString("createdAt")));
    assertThat(event.getModelVersion()).isEqualTo("eta:" + EtaModelTestResource.VERSION);
    assertThat(event.getDegraded()).isFalse();
  }

  private ConsumerRecord<String, EtaPredicted> awaitEvent(String predictionId) {
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    try (KafkaConsumer<String, EtaPredicted> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
        Topics.ETA_PREDICTIONS.valueSerde().deserializer())) {
      // Every partition from the start, without a consumer group: nothing to wait for but the records.
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.ETA_PREDICTIONS.name()).stream()
          .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Instant deadline = Instant.now().plusSeconds(20);
      while (Instant.now().isBefore(deadline)) {
        for (ConsumerRecord<String, EtaPredicted> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.value().getPredictionId().equals(predictionId)) {
            return record;
          }
        }
      }
    }
    throw new AssertionError("no EtaPredicted event for prediction " + predictionId + " on "
        + Topics.ETA_PREDICTIONS.name());
  }
}
