package org.ridemarket.fraud.service;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import org.ridemarket.contracts.events.FraudDecided;
import org.ridemarket.fraud.PaymentDecision;
import org.ridemarket.fraud.mapping.DecisionMapper;

/**
 * Publishes a {@link FraudDecided} event per new decision to {@code fraud.decisions}, keyed by
 * transaction id. Fire and forget: the decision is already durable in PostgreSQL, so a Kafka outage
 * costs events (counted and logged), never a decision or its latency.
 */
@ApplicationScoped
public class DecisionEvents {

  private static final Logger LOG = Logger.getLogger(DecisionEvents.class);

  private final MutinyEmitter<FraudDecided> emitter;
  private final DecisionMapper mapper;
  private final FraudMetrics metrics;

  DecisionEvents(@Channel("fraud-decisions") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
      MutinyEmitter<FraudDecided> emitter, DecisionMapper mapper, FraudMetrics metrics) {
    this.emitter = emitter;
    this.mapper = mapper;
    this.metrics = metrics;
  }

  /** Sends the decision's event without waiting for Kafka. */
  public void publish(PaymentDecision decision) {
    Message<FraudDecided> message = Message.of(mapper.toEvent(decision))
        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(decision.getTransactionId()).build());
    try {
      emitter.sendMessage(message).subscribe().with(sent -> { }, failure -> failed(decision, failure));
    } catch (RuntimeException e) {
      // A full buffer or a closed channel throws at once rather than failing the Uni.
      failed(decision, e);
    }
  }

  private void failed(PaymentDecision decision, Throwable failure) {
    metrics.eventFailed();
    LOG.warnf("FraudDecided for transaction %s was not sent (the decision is recorded): %s",
        decision.getTransactionId(), failure.getMessage());
  }
}
