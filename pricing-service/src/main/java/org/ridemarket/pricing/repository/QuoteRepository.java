package org.ridemarket.pricing.repository;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.ridemarket.pricing.Quote;

/** The quotes given, in PostgreSQL. */
@ApplicationScoped
@WithSession
public class QuoteRepository implements PanacheRepositoryBase<Quote, UUID> {

  /** Writes a new quote; the Uni completes once the transaction has committed. */
  @WithTransaction
  @WithSpan("QuoteRepository.record")
  public Uni<Quote> record(Quote quote) {
    return persist(quote);
  }

  /** The quote with this id, or null. */
  @WithSpan("QuoteRepository.find")
  public Uni<Quote> find(UUID id) {
    return findById(id);
  }
}
