package org.ridemarket.pricing.repository;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.ridemarket.pricing.Quote;

/** Reads the quotes given from PostgreSQL; {@link QuoteJournal} writes them. */
@ApplicationScoped
@WithSession
public class QuoteRepository implements PanacheRepositoryBase<Quote, UUID> {

  /** The quote with this id, or null. */
  @WithSpan("QuoteRepository.find")
  public Uni<Quote> find(UUID id) {
    return findById(id);
  }
}
