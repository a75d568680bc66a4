package org.ridemarket.eta.service;

import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.jboss.logging.Logger;
import org.ridemarket.contracts.events.EtaPredicted;
import org.ridemarket.contracts.topics.Topic;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.eta.Eta;
import org.ridemarket.eta.config.EtaConfig;
import org.ridemarket.eta.mapping.EtaMapper;
import org.ridemarket.service.logging.RateLimitedLog;
import org.ridemarket.service.tracing.PublishSpan;

/**
 * Publishes an {@link EtaPredicted} event per answer to {@code eta.predictions}, keyed by the origin
 * cell. Fire and forget: an ETA is a prediction, not a promise, so a Kafka outage costs analytics
 * events (counted and logged), never an answer or its latency.
 *
 * <p>The caller's thread hands the event to Kafka's producer itself, which never blocks: {@code max.block.ms} is 0,
 * so an event that finds no partition metadata (Kafka unreachable since the start) or a full buffer (Kafka down for
 * minutes) fails at once instead of waiting. An event of a sampled trace is sent in a PRODUCER span of that trace,
 * whose context travels in the record's {@code traceparent} header. (SmallRye's Kafka emitter did this through a
 * sending thread of its own: a hand-over and a wake-up per event, about 50 µs of CPU per ETA at 1,000/s.)
 */
@ApplicationScoped
public class EtaEvents {

  private static final Logger LOG = Logger.getLogger(EtaEvents.class);
  private static final Topic<String, EtaPredicted> TOPIC = Topics.ETA_PREDICTIONS;

  private final Producer<String, EtaPredicted> producer;
  private final EtaMapper mapper;
  private final EtaMetrics metrics;
  private final Tracer tracer;
  private final RateLimitedLog failureLog = new RateLimitedLog(LOG);

  EtaEvents(EtaConfig config, EtaMapper mapper, EtaMetrics metrics, Tracer tracer) {
    this.producer = new KafkaProducer<>(producerConfig(config.events()), TOPIC.keySerde().serializer(),
        TOPIC.valueSerde().serializer());
    this.mapper = mapper;
    this.metrics = metrics;
    this.tracer = tracer;
  }

  /** The producer's settings: durable once sent (acks=all, idempotent), never blocking the caller. */
  static Properties producerConfig(EtaConfig.Events events) {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, events.bootstrapServers());
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "eta-service-predictions");
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.LINGER_MS_CONFIG, (int) events.linger().toMillis());
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 0);
    long delivery = events.deliveryTimeout().toMillis();
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) delivery);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(30_000, delivery - events.linger().toMillis()));
    // With max.block.ms 0 a send that finds its topic forgotten fails: a topic this producer always writes must
    // stay in its metadata however long the service goes without an ETA (the default forgets it after 5 minutes).
    config.put(ProducerConfig.METADATA_MAX_IDLE_CONFIG, Duration.ofDays(1).toMillis());
    return config;
  }

  // Asks for the topic's partitions at start, so that the first ETAs find them (a send does not wait for them).
  void start(@Observes StartupEvent started) {
    try {
      producer.partitionsFor(TOPIC.name());
    } catch (KafkaException e) {
      LOG.debugf("%s metadata not there yet: %s", TOPIC.name(), e.getMessage());
    }
  }

  @PreDestroy
  void close() {
    producer.close(Duration.ofSeconds(5));
  }

  /** Sends the ETA's event without waiting for Kafka, in a PRODUCER span when the current trace is sampled. */
  public void publish(Eta eta) {
    ProducerRecord<String, EtaPredicted> record = new ProducerRecord<>(TOPIC.name(), eta.originCell(),
        mapper.toEvent(eta));
    PublishSpan span = PublishSpan.start(tracer, Context.current(), record);
    try {
      producer.send(record, (metadata, failure) -> {
        if (failure != null) {
          failed(eta, failure);
        }
        if (span != null) {
          span.end(failure);
        }
      });
    } catch (KafkaException | IllegalStateException e) {
      // Serialization or a closed producer throw rather than reach the callback.
      failed(eta, e);
      if (span != null) {
        span.end(e);
      }
    }
  }

  private void failed(Eta eta, Throwable failure) {
    metrics.eventFailed();
    failureLog.warnf("EtaPredicted %s was not sent (the ETA was answered): %s", eta.predictionId(),
        failure.getMessage());
  }
}
