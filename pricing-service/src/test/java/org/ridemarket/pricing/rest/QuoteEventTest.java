package org.ridemarket.pricing.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.events.PriceQuoted;
import org.ridemarket.contracts.events.Product;
import org.ridemarket.pricing.FeatureHashes;
import org.ridemarket.pricing.PublishedQuotes;
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
    return await().atMost(Duration.ofSeconds(20)).until(
        () -> PublishedQuotes.all(bootstrapServers).stream()
            .filter(record -> record.value().getQuoteId().equals(quoteId)).findFirst(),
        Optional::isPresent).orElseThrow();
  }
}
