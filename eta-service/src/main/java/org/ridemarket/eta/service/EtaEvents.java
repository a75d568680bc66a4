package org.ridemarket.eta.service;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import org.ridemarket.contracts.events.EtaPredicted;
import org.ridemarket.eta.Eta;
import org.ridemarket.eta.mapping.EtaMapper;

/**
 * Publishes an {@link EtaPredicted} event per answer to {@code eta.predictions}, keyed by the origin
 * cell. Fire and forget: an ETA is a prediction, not a promise, so a Kafka outage costs analytics
 * events (counted and logged), never an answer or its latency.
 */
@ApplicationScoped
public class EtaEvents {

  private static final Logger LOG = Logger.getLogger(EtaEvents.class);

  private final MutinyEmitter<EtaPredicted> emitter;
  private final EtaMapper mapper;
  private final EtaMetrics metrics;

  EtaEvents(@Channel("eta-predictions") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
      MutinyEmitter<EtaPredicted> emitter, EtaMapper mapper, EtaMetrics metrics) {
    this.emitter = emitter;
    this.mapper = mapper;
    this.metrics = metrics;
  }

  /** Sends the ETA's event without waiting for Kafka. */
  public void publish(Eta eta) {
    try {
      Message<EtaPredicted> message = Message.of(mapper.toEvent(eta))
          .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(eta.originCell()).build());
      emitter.sendMessage(message).subscribe().with(sent -> { }, failure -> failed(eta, failure));
    } catch (RuntimeException e) {
      // A full buffer or a closed channel throws at once rather than failing the Uni.
      failed(eta, e);
    }
  }

  private void failed(Eta eta, Throwable failure) {
    metrics.eventFailed();
    LOG.warnf("EtaPredicted %s was not sent (the ETA was answered): %s", eta.predictionId(), failure.getMessage());
  }
}
