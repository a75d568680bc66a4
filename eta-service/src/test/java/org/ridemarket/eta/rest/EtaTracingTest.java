package org.ridemarket.eta.rest;

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
import org.junit.jupiter.api.Test;
import org.ridemarket.eta.EtaApi;
import org.ridemarket.eta.EtaModelTestResource;
import org.ridemarket.stack.LocalStackTestResource;

@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
@WithTestResource(EtaModelTestResource.class)
class EtaTracingTest {

  @Inject
  InMemorySpanExporter spans;

  @Test
  void shouldTraceAnEtaFromTheRequestThroughRoutingRedisInferenceAndKafka() {
    spans.reset();

    EtaApi.eta(EtaApi.PENN_STATION, EtaApi.GRAND_CENTRAL);

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      List<SpanData> finished = spans.getFinishedSpanItems();
      SpanData request = finished.stream()
          .filter(span -> span.getKind() == SpanKind.SERVER && span.getName().contains("/eta"))
          .findFirst().orElseThrow(() -> new AssertionError("no server span in " + names(finished)));
      List<SpanData> trace = finished.stream()
          .filter(span -> span.getTraceId().equals(request.getTraceId())).toList();

      assertThat(names(trace)).contains("EtaService.estimate", "EtaRouter.route", "CongestionRepository.findAll",
          "EtaModels.predict");
      assertThat(trace).as("the Kafka send of %s", names(trace))
          .anySatisfy(span -> {
            assertThat(span.getKind()).isEqualTo(SpanKind.PRODUCER);
            assertThat(span.getName()).contains("eta.predictions");
          });
    });
  }

  private static List<String> names(List<SpanData> spans) {
    return spans.stream().map(SpanData::getName).toList();
  }
}
