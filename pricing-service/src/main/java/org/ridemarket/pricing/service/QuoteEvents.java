package org.ridemarket.pricing.service;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import org.ridemarket.contracts.events.PriceQuoted;
import org.ridemarket.pricing.Quote;
import org.ridemarket.pricing.mapping.QuoteMapper;

/**
 * Publishes a {@link PriceQuoted} event per recorded quote to {@code pricing.quotes}, keyed by the
 * pickup cell. Fire and forget: the quote is already durable in PostgreSQL, so a Kafka outage costs
 * demand signals (counted and logged), never a quote or its latency.
 */
@ApplicationScoped
public class QuoteEvents {

  private static final Logger LOG = Logger.getLogger(QuoteEvents.class);

  private final MutinyEmitter<PriceQuoted> emitter;
  private final QuoteMapper mapper;
  private final PricingMetrics metrics;

  QuoteEvents(@Channel("price-quotes") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
      MutinyEmitter<PriceQuoted> emitter, QuoteMapper mapper, PricingMetrics metrics) {
    this.emitter = emitter;
    this.mapper = mapper;
    this.metrics = metrics;
  }

  /** Sends the quote's event without waiting for Kafka. */
  public void publish(Quote quote) {
    Message<PriceQuoted> message = Message.of(mapper.toEvent(quote))
        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(quote.getPickupCell()).build());
    try {
      emitter.sendMessage(message).subscribe().with(sent -> { }, failure -> failed(quote, failure));
    } catch (RuntimeException e) {
      // A full buffer or a closed channel throws at once rather than failing the Uni.
      failed(quote, e);
    }
  }

  private void failed(Quote quote, Throwable failure) {
    metrics.eventFailed();
    LOG.warnf("PriceQuoted for quote %s was not sent (the quote is recorded): %s", quote.getId(), failure.getMessage());
  }
}
