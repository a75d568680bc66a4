package org.ridemarket.pricing.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.events.PriceQuoted;
import org.ridemarket.pricing.FeatureHashes;
import org.ridemarket.pricing.PublishedQuotes;
import org.ridemarket.pricing.QuoteApi;
import org.ridemarket.pricing.SurgeModelTestResource;
import org.ridemarket.stack.LocalStackTestResource;

/**
 * One quote request, followed through its spans (collected in memory, the test's trace receiver) and to
 * the {@code traceparent} header of its event on Kafka, as a trace UI would show it.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
@WithTestResource(SurgeModelTestResource.class)
class QuoteTracingTest {

  @Inject
  InMemorySpanExporter spans;

  @ConfigProperty(name = "redis.url")
  String redisUrl;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @Test
  void shouldTraceAQuoteFromTheRequestThroughRedisInferenceAndTheJournalToItsKafkaEvent() {
    // given a busy cell, so that the quote is scored by the model
    double[] pickup = QuoteApi.freshPickup();
    try (FeatureHashes hashes = new FeatureHashes(redisUrl)) {
      hashes.busy(FeatureHashes.cellOf(pickup[0], pickup[1]));
    }
    spans.reset();

    // when one quote is asked for
    String quoteId = QuoteApi.quote(pickup).extract().jsonPath().getString("quoteId");

    // then its spans form one trace: request, Redis read, inference, journal write and its SQL statement
    SpanData request = await().atMost(Duration.ofSeconds(10)).until(() -> serverSpan(spans.getFinishedSpanItems()),
        Optional::isPresent).orElseThrow();
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      List<SpanData> trace = spans.getFinishedSpanItems().stream()
          .filter(span -> span.getTraceId().equals(request.getTraceId())).toList();

      assertThat(names(trace)).contains("QuoteService.quote", "SurgeService.forCells",
          "SupplyDemandRepository.findAll", "SurgeModel.score", "QuoteJournal.record");
      // One statement records the promise and its outbox event (docs/adr/0011).
      assertThat(trace).as("the SQL insert of %s", names(trace))
          .anySatisfy(span -> {
            assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
            assertThat(span.getAttributes().asMap().values()).anySatisfy(value ->
                assertThat(String.valueOf(value)).contains("insert into quote (").contains("insert into quote_outbox"));
          });
    });
    // and its event on pricing.quotes carries that trace in its W3C traceparent header,
    ConsumerRecord<String, PriceQuoted> event = await().atMost(Duration.ofSeconds(20)).until(
        () -> PublishedQuotes.all(bootstrapServers).stream()
            .filter(record -> record.value().getQuoteId().equals(quoteId)).findFirst(),
        Optional::isPresent).orElseThrow();
    Header traceparent = event.headers().lastHeader("traceparent");
    assertThat(traceparent).as("the traceparent header of the quote's event").isNotNull();
    String[] fields = new String(traceparent.value(), StandardCharsets.US_ASCII).split("-");
    assertThat(fields).hasSize(4);
    assertThat(fields[1]).isEqualTo(request.getTraceId());
    assertThat(fields[3]).as("the sampled flag").isEqualTo("01");
    // and names the outbox relay's send to Kafka, a span of the same trace
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(spans.getFinishedSpanItems())
        .filteredOn(span -> span.getSpanId().equals(fields[2]))
        .singleElement()
        .satisfies(publish -> {
          assertThat(publish.getName()).isEqualTo("pricing.quotes publish");
          assertThat(publish.getKind()).isEqualTo(SpanKind.PRODUCER);
          assertThat(publish.getTraceId()).isEqualTo(request.getTraceId());
        }));
  }

  private static Optional<SpanData> serverSpan(List<SpanData> finished) {
    return finished.stream()
        .filter(span -> span.getKind() == SpanKind.SERVER && span.getName().contains("/quotes"))
        .findFirst();
  }

  private static List<String> names(List<SpanData> spans) {
    return spans.stream().map(SpanData::getName).toList();
  }
}
