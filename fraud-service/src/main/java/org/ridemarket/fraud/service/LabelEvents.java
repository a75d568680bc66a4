package org.ridemarket.fraud.service;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.ridemarket.contracts.events.FraudLabeled;
import org.ridemarket.fraud.LabelNotPublishedException;
import org.ridemarket.fraud.PaymentDecision;
import org.ridemarket.fraud.mapping.DecisionMapper;

/**
 * Publishes an analyst's label as {@link FraudLabeled} to {@code fraud.labels}, keyed by transaction id,
 * and waits for Kafka's acknowledgement: a label is training ground truth, and an analyst can wait.
 */
@ApplicationScoped
public class LabelEvents {

  private final MutinyEmitter<FraudLabeled> emitter;
  private final DecisionMapper mapper;

  LabelEvents(@Channel("fraud-labels") MutinyEmitter<FraudLabeled> emitter, DecisionMapper mapper) {
    this.emitter = emitter;
    this.mapper = mapper;
  }

  /**
   * Sends the label of a labelled decision.
   *
   * @return a Uni that fails with {@link LabelNotPublishedException} when Kafka does not acknowledge it
   */
  public Uni<Void> publish(PaymentDecision labelled) {
    Message<FraudLabeled> message = Message.of(mapper.toLabelEvent(labelled))
        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(labelled.getTransactionId()).build());
    return Uni.createFrom().deferred(() -> emitter.sendMessage(message))
        .onFailure().transform(LabelNotPublishedException::new);
  }
}
