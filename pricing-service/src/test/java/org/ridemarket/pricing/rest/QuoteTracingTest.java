package org.ridemarket.pricing.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ridemarket.pricing.FeatureHashes;
import org.ridemarket.pricing.QuoteApi;
import org.ridemarket.pricing.SurgeModelTestResource;
import org.ridemarket.stack.LocalStackTestResource;

@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
@WithTestResource(SurgeModelTestResource.class)
class QuoteTracingTest {

  @Inject
  InMemorySpanExporter spans;

  @ConfigProperty(name = "redis.url")
  String redisUrl;

  @Test
  void shouldTraceAQuoteFromTheRequestThroughRedisAndPersistence() {
    double[] pickup = QuoteApi.freshPickup();
    try (FeatureHashes hashes = new FeatureHashes(redisUrl)) {
      hashes.busy(FeatureHashes.cellOf(pickup[0], pickup[1]));
    }
    spans.reset();

    QuoteApi.quote(pickup);

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      List<SpanData> finished = spans.getFinishedSpanItems();
      SpanData request = finished.stream()
          .filter(span -> span.getKind() == SpanKind.SERVER && span.getName().contains("/quotes"))
          .findFirst().orElseThrow(() -> new AssertionError("no server span in " + names(finished)));
      List<SpanData> trace = finished.stream()
          .filter(span -> span.getTraceId().equals(request.getTraceId())).toList();

      assertThat(names(trace)).contains("QuoteService.quote", "SurgeService.forCells",
          "SupplyDemandRepository.findAll", "QuoteJournal.record");
      // One statement records the promise and its outbox event (docs/adr/0011).
      assertThat(trace).as("the SQL insert of %s", names(trace))
          .anySatisfy(span -> {
            assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
            assertThat(span.getAttributes().asMap().values()).anySatisfy(value ->
                assertThat(String.valueOf(value)).contains("insert into quote (").contains("insert into quote_outbox"));
          });
    });
  }

  private static List<String> names(List<SpanData> spans) {
    return spans.stream().map(SpanData::getName).toList();
  }
}
