package org.ridemarket.pricing.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.ridemarket.contracts.events.PriceQuoted;
import org.ridemarket.contracts.events.Product;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.pricing.FeatureHashes;
import org.ridemarket.pricing.QuoteApi;
import org.ridemarket.pricing.SurgeModelTestResource;
import org.ridemarket.stack.LocalStackTestResource;

@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
@WithTestResource(SurgeModelTestResource.class)
class QuoteEventTest {

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @ConfigProperty(name = "redis.url")
  String redisUrl;

  @Test
  void shouldPublishThePriceQuotedEventKeyedByPickupCell() {
    double[] pickup = QuoteApi.freshPickup();
    try (FeatureHashes hashes = new FeatureHashes(redisUrl)) {
      hashes.busy(FeatureHashes.cellOf(pickup[0], pickup[1]));
    }

    JsonPath quote = QuoteApi.quote(pickup).extract().jsonPath();
    ConsumerRecord<String, PriceQuoted> record = awaitEvent(quote.getString("quoteId"));

    PriceQuoted event = record.value();
    assertThat(record.key()).isEqualTo(quote.getString("pickupCell"));
    assertThat(event.getEventId()).isEqualTo(UUID.fromString(quote.getString("quoteId")));
    assertThat(event.getPickupCell()).isEqualTo(quote.getString("pickupCell"));
    assertThat(event.getProduct()).isEqualTo(Product.STANDARD);
    assertThat(event.getSurgeMultiplier()).isEqualTo(quote.getDouble("surgeMultiplier")).isGreaterThan(1.0);
    assertThat(event.getTotalFareMinor()).isEqualTo(quote.getLong("fare.totalMinor"));
    assertThat(event.getBaseFareMinor()).isEqualTo(quote.getLong("fare.totalMinor") - quote.getLong("fare.surgeMinor"));
    assertThat(event.getExpiresAt()).isEqualTo(Instant.parse(quote.getString("expiresAt")).truncatedTo(ChronoUnit.MILLIS));
    assertThat(event.getModelVersion()).isEqualTo("surge:test-1");
    assertThat(event.getDegraded()).isFalse();
  }

  private ConsumerRecord<String, PriceQuoted> awaitEvent(String quoteId) {
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    try (KafkaConsumer<String, PriceQuoted> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
        Topics.PRICE_QUOTES.valueSerde().deserializer())) {
      // Every partition from the start, without a consumer group: nothing to wait for but the records.
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.PRICE_QUOTES.name()).stream()
          .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Instant deadline = Instant.now().plusSeconds(20);
      while (Instant.now().isBefore(deadline)) {
        for (ConsumerRecord<String, PriceQuoted> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.value().getQuoteId().equals(quoteId)) {
            return record;
          }
        }
      }
    }
    throw new AssertionError("no PriceQuoted event for quote " + quoteId + " on " + Topics.PRICE_QUOTES.name());
  }
}
