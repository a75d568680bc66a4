package org.ridemarket.features.tracing;

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
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.events.RideRequested;
import org.ridemarket.contracts.geo.Cells;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.stack.LocalStackTestResource;
import org.ridemarket.topologies.supplydemand.TestEvents;

/** The running app against real Kafka: an input record's trace, from its traceparent header, goes on here. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class InputTracesTest {

  private static final String CELL = Cells.cellOf(40.7580, -73.9855);

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @Inject
  InMemorySpanExporter spans;

  @Test
  void shouldContinueTheTraceOfARideRequestFromItsTraceparentHeader() throws Exception {
    // given a ride request sent in a sampled trace
    String traceId = hex(16);
    String parentSpanId = hex(8);
    Instant now = Instant.now();
    ProducerRecord<String, RideRequested> record = new ProducerRecord<>(Topics.RIDE_REQUESTS.name(), null,
        now.toEpochMilli(), CELL, TestEvents.rideRequest(CELL, now));
    record.headers().add("traceparent",
        ("00-" + traceId + "-" + parentSpanId + "-01").getBytes(StandardCharsets.US_ASCII));

    // when it is published
    try (KafkaProducer<String, RideRequested> producer = new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.LINGER_MS_CONFIG, 0),
        new StringSerializer(), Topics.RIDE_REQUESTS.valueSerde().serializer())) {
      producer.send(record).get();
    }

    // then feature-streams records its receipt in the same trace, as a child of the sender's span
    SpanData received = await().atMost(Duration.ofSeconds(60)).until(
        () -> spans.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(traceId)).findFirst(),
        Optional::isPresent).orElseThrow();
    assertThat(received.getName()).isEqualTo("rides.requests receive");
    assertThat(received.getKind()).isEqualTo(SpanKind.CONSUMER);
    assertThat(received.getParentSpanId()).isEqualTo(parentSpanId);
  }

  private static String hex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    random[0] |= 1;
    return HexFormat.of().formatHex(random);
  }
}
