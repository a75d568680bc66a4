package org.ridemarket.fraud.rest;

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
import org.ridemarket.fraud.FraudApi;
import org.ridemarket.fraud.VelocityHashes;
import org.ridemarket.stack.LocalStackTestResource;

@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class ScoreTracingTest {

  @Inject
  InMemorySpanExporter spans;

  @ConfigProperty(name = "redis.url")
  String redisUrl;

  @Test
  void shouldTraceADecisionFromTheRequestThroughRedisInferencePersistenceAndKafka() {
    String card = FraudApi.fresh("fp");
    String user = FraudApi.fresh("rider");
    String device = FraudApi.fresh("dev");
    try (VelocityHashes hashes = new VelocityHashes(redisUrl)) {
      hashes.regular(card, user, device);
    }
    spans.reset();

    FraudApi.score(FraudApi.body(FraudApi.fresh("tx"), card, user, device, 1850)).statusCode(200);

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      List<SpanData> finished = spans.getFinishedSpanItems();
      SpanData request = finished.stream()
          .filter(span -> span.getKind() == SpanKind.SERVER && span.getName().contains("/payments/score"))
          .findFirst().orElseThrow(() -> new AssertionError("no server span in " + names(finished)));
      List<SpanData> trace = finished.stream()
          .filter(span -> span.getTraceId().equals(request.getTraceId())).toList();

      // Down to the outbox relay's send of the decision's event to Kafka, in the same trace (issue #11).
      assertThat(names(trace)).contains("FraudService.score", "VelocityRepository.read", "FraudModels.predict",
          "DecisionJournal.record", "fraud.decisions publish");
      // One statement records the promise and its outbox event (docs/adr/0011).
      assertThat(trace).as("the SQL insert of %s", names(trace))
          .anySatisfy(span -> {
            assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
            assertThat(span.getAttributes().asMap().values()).anySatisfy(value ->
                assertThat(String.valueOf(value)).contains("insert into fraud_decision (").contains("insert into fraud_outbox"));
          });
    });
  }

  private static List<String> names(List<SpanData> spans) {
    return spans.stream().map(SpanData::getName).toList();
  }
}
